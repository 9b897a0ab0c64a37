// Test data factory for work teams and attendance: villages, units, teams, cadres, postings, accounts
// and day records, written straight to the database (the tests do not lean on the seeded teams).
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type { DayKind, Role, TeamRole } from '@/lib/generated/prisma/enums';
import { chinaToday, dateOfDayNumber, dayNumber, dayOf } from '@/lib/time';

const unique = () => randomUUID().slice(0, 8);

// What this test file made, for removeTeamFixtures() (each test file has its own copy of this module).
const createdVillages = new Set<string>();
const createdPostings = new Set<number>();

/** Today's China calendar day ('YYYY-MM-DD'), as the actions see it (under fake timers: the fake "now"). */
export { chinaToday };

/** `date` moved by `days` calendar days. */
export const addDays = (date: string, days: number) => dateOfDayNumber(dayNumber(date) + days);

/** Every day from `from` to `to`, inclusive. */
export function daysFrom(from: string, to: string): string[] {
  const first = dayNumber(from);
  return Array.from({ length: dayNumber(to) - first + 1 }, (_, i) => dateOfDayNumber(first + i));
}

/** The instant of a China wall-clock time on a day, e.g. at('2026-06-15', 20) = 20:00 in Beijing. */
export const chinaInstant = (date: string, hour: number, minute = 0) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

/**
 * An administrative village row of its own (code = township + 3 digits), so a test can give it a team
 * without meeting the seeded ones. Created or reset to the given attributes.
 */
export async function makeVillage(
  code: string,
  options: { poor?: boolean; latitude?: number | null; longitude?: number | null } = {},
) {
  if (!/^\d{12}$/.test(code)) throw new Error(`not a village code: ${code}`);
  const data = {
    level: 'VILLAGE' as const,
    name: `测试${code.slice(-3)}村`,
    parentCode: code.slice(0, 9),
    isPoorVillage: options.poor ?? true,
    latitude: options.latitude === undefined ? 34.5 : options.latitude,
    longitude: options.longitude === undefined ? 105.7 : options.longitude,
  };
  if (!(await db.region.findUnique({ where: { code } }))) createdVillages.add(code);
  return db.region.upsert({ where: { code }, create: { code, ...data }, update: data });
}

/**
 * Removes what the factories made (villages with their teams, postings, day records, sign-offs and
 * accounts; postings made in other villages with their records), so other files see the seeded
 * area as it was: regions.test.ts counts the county's villages. Cadres and units stay (no area FK).
 */
export async function removeTeamFixtures() {
  const codes = [...createdVillages];
  const teams = (await db.workTeam.findMany({ where: { villageCode: { in: codes } }, select: { id: true } })).map(
    (t) => t.id,
  );
  const postings = [
    ...createdPostings,
    ...(
      await db.posting.findMany({
        where: { OR: [{ villageCode: { in: codes } }, { teamId: { in: teams } }] },
        select: { id: true },
      })
    ).map((p) => p.id),
  ];
  await db.attendanceRecord.deleteMany({
    where: { OR: [{ postingId: { in: postings } }, { villageCode: { in: codes } }] },
  });
  await db.attendanceSignoff.deleteMany({ where: { OR: [{ teamId: { in: teams } }, { villageCode: { in: codes } }] } });
  await db.cadreActivity.deleteMany({ where: { villageCode: { in: codes } } });
  await db.replacementRequest.deleteMany({
    where: { OR: [{ teamId: { in: teams } }, { villageCode: { in: codes } }] },
  });
  await db.posting.deleteMany({ where: { id: { in: postings } } });
  await db.workTeam.deleteMany({ where: { id: { in: teams } } });
  await db.user.deleteMany({ where: { scopeCode: { in: codes } } });
  await db.region.deleteMany({ where: { code: { in: codes } } });
  createdVillages.clear();
  createdPostings.clear();
}

/** A dispatching unit of a county (unique name). */
export async function makeUnit(countyCode: string, name = `测试单位${unique()}`) {
  return db.unit.create({ data: { countyCode, name, level: 'COUNTY' } });
}

/** A team for a village: the village's existing team if it has one, else a new one. */
export async function teamIn(villageCode: string, formedOn = '2020-01-01') {
  return (
    (await db.workTeam.findUnique({ where: { villageCode } })) ??
    db.workTeam.create({ data: { villageCode, formedOn: dayOf(formedOn) } })
  );
}

/** A fresh village (see makeVillage) with a new team. */
export async function makeTeam(options: {
  village: string;
  poor?: boolean;
  latitude?: number | null;
  longitude?: number | null;
  formedOn?: string;
}) {
  const village = await makeVillage(options.village, options);
  const team = await db.workTeam.create({
    data: { villageCode: village.code, formedOn: dayOf(options.formedOn ?? '2020-01-01') },
  });
  return { village, team };
}

export async function makeCadre(options: { countyCode: string; unitId?: number; name?: string; userId?: number }) {
  const unitId = options.unitId ?? (await makeUnit(options.countyCode)).id;
  return db.cadre.create({
    data: {
      regionCode: options.countyCode,
      unitId,
      name: options.name ?? `干部${unique().slice(0, 4)}`,
      userId: options.userId,
    },
  });
}

/**
 * A posting to a team (a new cadre unless one is given). Dates are 'YYYY-MM-DD'; by default it started
 * 60 days ago and is planned to run a year from then.
 */
export async function makePosting(options: {
  team: { id: number; villageCode: string };
  cadreId?: number;
  role?: TeamRole;
  alsoFirstSecretary?: boolean;
  start?: string;
  plannedEnd?: string;
  endedOn?: string;
  name?: string;
}) {
  const countyCode = options.team.villageCode.slice(0, 6);
  const unit = await makeUnit(countyCode);
  const cadreId = options.cadreId ?? (await makeCadre({ countyCode, unitId: unit.id, name: options.name })).id;
  const start = options.start ?? addDays(chinaToday(), -60);
  const plannedEnd = options.plannedEnd ?? addDays(start, 365);
  const posting = await db.posting.create({
    data: {
      teamId: options.team.id,
      cadreId,
      villageCode: options.team.villageCode,
      role: options.role ?? 'MEMBER',
      alsoFirstSecretary: options.alsoFirstSecretary ?? false,
      unitId: unit.id,
      startDate: dayOf(start),
      plannedEndDate: dayOf(plannedEnd),
      endedOn: options.endedOn ? dayOf(options.endedOn) : null,
    },
  });
  createdPostings.add(posting.id);
  return posting;
}

/** An account of its own (no password change pending), ready for signInAs(username). */
export async function makeUser(options: { role: Role; scopeCode: string; username?: string }) {
  const username = options.username ?? `t${unique()}`;
  return db.user.create({
    data: {
      username,
      displayName: `测试${username}`,
      role: options.role,
      scopeCode: options.scopeCode,
      passwordHash: 'not-a-login-account',
      mustChangePassword: false,
    },
  });
}

export async function linkCadreToUser(cadreId: number, userId: number) {
  return db.cadre.update({ where: { id: cadreId }, data: { userId } });
}

/** A posted person with their own TEAM_MEMBER account (scope = the team's village). */
export async function makePostedMember(
  options: Parameters<typeof makePosting>[0] & { role?: TeamRole; accountRole?: Role },
) {
  const posting = await makePosting(options);
  const user = await makeUser({ role: options.accountRole ?? 'TEAM_MEMBER', scopeCode: options.team.villageCode });
  await linkCadreToUser(posting.cadreId, user.id);
  return { posting, user };
}

/** Day records of one posting written directly (as entries). */
export async function fillDays(
  posting: { id: number; cadreId: number; villageCode: string },
  dates: string[],
  kind: DayKind = 'OVERNIGHT',
) {
  const reason = kind === 'IN_VILLAGE' || kind === 'OVERNIGHT' ? null : '测试事由';
  await db.attendanceRecord.createMany({
    data: dates.map((date) => ({
      cadreId: posting.cadreId,
      postingId: posting.id,
      villageCode: posting.villageCode,
      day: dayOf(date),
      kind,
      reason,
      source: 'ENTRY' as const,
    })),
  });
}

/** One posting's records as { 'YYYY-MM-DD': kind }. */
export async function recordsOf(postingId: number) {
  const rows = await db.attendanceRecord.findMany({ where: { postingId }, orderBy: { day: 'asc' } });
  return Object.fromEntries(rows.map((r) => [r.day.toISOString().slice(0, 10), r.kind]));
}
