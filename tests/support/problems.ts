// Test data factory for visits and the problem ledger: villages, households, problems (with their OPEN
// step), visits and photos of a test file's own, written straight to the database, and
// removeProblemFixtures() to take them away again (attachments, problem steps, problems, visits,
// pairings, households, cadres, units, accounts, villages — in the order the foreign keys need).
// Households made in a seeded village (a village-level account's own) are removed one by one.
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type {
  ProblemCategory,
  ProblemSource,
  ProblemStatus,
  Role,
  Urgency,
  VisitKind,
} from '@/lib/generated/prisma/enums';
import { chinaToday, dateOfDayNumber, dayNumber, dayOf } from '@/lib/time';
import { makeHousehold } from './households';

const unique = () => randomUUID().slice(0, 8);

// What this test file made (each test file has its own copy of this module).
const made = {
  villages: new Set<string>(),
  households: new Set<number>(),
  problems: new Set<number>(),
  visits: new Set<bigint>(),
  units: new Set<number>(),
  cadres: new Set<number>(),
  users: new Set<number>(),
  attachments: new Set<number>(),
};

/** Today's China calendar day ('YYYY-MM-DD'), as the actions see it. */
export const today = () => chinaToday();
/** `date` moved by `days` calendar days. */
export const shiftDay = (date: string, days: number) => dateOfDayNumber(dayNumber(date) + days);

/** A village of the test's own (code = township + 3 digits; pick a range no other file uses). */
export async function makeProblemVillage(code: string) {
  if (!/^\d{12}$/.test(code)) throw new Error(`not a village code: ${code}`);
  const data = {
    level: 'VILLAGE' as const,
    name: `台账测试${code.slice(-3)}村`,
    parentCode: code.slice(0, 9),
    isPoorVillage: true,
  };
  if (!(await db.region.findUnique({ where: { code } }))) made.villages.add(code);
  return db.region.upsert({ where: { code }, create: { code, ...data }, update: data });
}

let householdSerial = 0;
/** A one-person household (registered poor unless told), removed by removeProblemFixtures. */
export async function makeProblemHousehold(
  village: string,
  options: { headName?: string; status?: 'REGISTERED_POOR' | 'NOT_POOR' } = {},
) {
  const { household } = await makeHousehold({
    village,
    status: options.status ?? 'REGISTERED_POOR',
    headName: options.headName ?? `台账户${++householdSerial}`,
  });
  made.households.add(household.id);
  return household;
}

/** Remembers a record an action made, so that removeProblemFixtures takes it away too. */
export function trackProblem(id: number) {
  made.problems.add(id);
}
export function trackVisit(id: bigint) {
  made.visits.add(id);
}
export function trackAttachmentKey(key: string) {
  return db.attachment.findUniqueOrThrow({ where: { storageKey: key } }).then((row) => {
    made.attachments.add(row.id);
    return row;
  });
}

/** A problem written directly, with its OPEN step (as insertProblem writes it), in any status and with any deadline. */
export async function makeProblem(options: {
  regionCode: string;
  householdId?: number | null;
  userId: number;
  status?: ProblemStatus;
  deadline?: string;
  foundOn?: string;
  category?: ProblemCategory;
  urgency?: Urgency;
  source?: ProblemSource;
  description?: string;
  solvedById?: number | null;
}) {
  const foundOn = options.foundOn ?? today();
  const deadline = options.deadline ?? shiftDay(foundOn, 30);
  const status = options.status ?? 'OPEN';
  const problem = await db.problem.create({
    data: {
      regionCode: options.regionCode,
      householdId: options.householdId ?? null,
      source: options.source ?? 'REPORT',
      category: options.category ?? 'OTHER',
      urgency: options.urgency ?? 'NORMAL',
      description: options.description ?? `台账测试问题${unique()}`,
      status,
      deadline: dayOf(deadline),
      foundOn: dayOf(foundOn),
      createdById: options.userId,
      solvedById: options.solvedById ?? (status === 'SOLVED' || status === 'STRUCK_OFF' ? options.userId : null),
      solvedOn: status === 'SOLVED' || status === 'STRUCK_OFF' ? dayOf(foundOn) : null,
      struckOffOn: status === 'STRUCK_OFF' ? dayOf(today()) : null,
      steps: {
        create: { kind: 'OPEN', toStatus: 'OPEN', userId: options.userId, userName: '测试', deadline: dayOf(deadline) },
      },
    },
  });
  made.problems.add(problem.id);
  return problem;
}

let keySerial = 0;
/** A visit row written directly (e.g. an old one, or one by a given cadre). */
export async function makeVisit(options: {
  household: { id: number; regionCode: string };
  visitedOn: string;
  visitorId: number;
  visitorCadreId?: number | null;
  kind?: VisitKind;
}) {
  const visit = await db.visit.create({
    data: {
      clientKey: `${randomUUID().slice(0, 30)}${String(++keySerial).padStart(6, '0')}`,
      householdId: options.household.id,
      regionCode: options.household.regionCode,
      visitedOn: dayOf(options.visitedOn),
      kind: options.kind ?? 'IN_PERSON',
      phoneReason: options.kind === 'PHONE' ? '全家在外务工，锁门' : null, // the database requires one for a phone visit
      visitorId: options.visitorId,
      visitorName: '测试走访人',
      visitorCadreId: options.visitorCadreId ?? null,
    },
  });
  made.visits.add(visit.id);
  return visit;
}

/** A county unit and a cadre kept in it (optionally linked to an account), removed afterwards. */
export async function makeProblemCadre(options: { regionCode: string; userId?: number; name?: string }) {
  const unit = await db.unit.create({
    data: { countyCode: options.regionCode.slice(0, 6), name: `台账测试单位${unique()}`, level: 'COUNTY' },
  });
  made.units.add(unit.id);
  const cadre = await db.cadre.create({
    data: {
      regionCode: options.regionCode,
      unitId: unit.id,
      name: options.name ?? `台账干部${unique().slice(0, 4)}`,
      userId: options.userId,
    },
  });
  made.cadres.add(cadre.id);
  return cadre;
}

/** A unit of a county (for an escalation to a department), removed afterwards. */
export async function makeProblemUnit(countyCode: string, level: 'COUNTY' | 'TOWNSHIP' = 'COUNTY') {
  const unit = await db.unit.create({ data: { countyCode, name: `台账测试部门${unique()}`, level } });
  made.units.add(unit.id);
  return unit;
}

/** An account of the test's own (no password change pending), ready for signInAs(username). */
export async function makeProblemUser(options: { role: Role; scopeCode: string }) {
  const username = `pl${unique()}`;
  const user = await db.user.create({
    data: {
      username,
      displayName: `测试${username}`,
      role: options.role,
      scopeCode: options.scopeCode,
      passwordHash: 'not-a-login-account',
      mustChangePassword: false,
    },
  });
  made.users.add(user.id);
  return user;
}

/** Removes what the factories (and the tracked actions) made; see the top of the file. */
export async function removeProblemFixtures() {
  const villages = [...made.villages];
  const households = [
    ...made.households,
    ...(await db.household.findMany({ where: { regionCode: { in: villages } }, select: { id: true } })).map(
      (h) => h.id,
    ),
  ];
  const visits = [
    ...made.visits,
    ...(
      await db.visit.findMany({
        where: { OR: [{ householdId: { in: households } }, { regionCode: { in: villages } }] },
        select: { id: true },
      })
    ).map((v) => v.id),
  ];
  const problems = [
    ...made.problems,
    ...(
      await db.problem.findMany({
        where: {
          OR: [{ householdId: { in: households } }, { regionCode: { in: villages } }, { visitId: { in: visits } }],
        },
        select: { id: true },
      })
    ).map((p) => p.id),
  ];
  const steps = (await db.problemStep.findMany({ where: { problemId: { in: problems } }, select: { id: true } })).map(
    (s) => s.id,
  );
  await db.attachment.deleteMany({
    where: { OR: [{ id: { in: [...made.attachments] } }, { visitId: { in: visits } }, { stepId: { in: steps } }] },
  });
  await db.problem.deleteMany({ where: { id: { in: problems } } }); // steps go with them
  await db.visit.deleteMany({ where: { id: { in: visits } } });
  await db.pairing.deleteMany({
    where: { OR: [{ householdId: { in: households } }, { cadreId: { in: [...made.cadres] } }] },
  });
  await db.household.deleteMany({ where: { id: { in: households } } });
  await db.cadre.deleteMany({ where: { id: { in: [...made.cadres] } } });
  await db.unit.deleteMany({ where: { id: { in: [...made.units] } } });
  await db.user.deleteMany({ where: { id: { in: [...made.users] } } });
  await db.region.deleteMany({ where: { code: { in: villages } } });
  for (const set of Object.values(made)) set.clear();
}
