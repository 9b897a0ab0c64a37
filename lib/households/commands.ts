// Writes to the registry: households, members, statuses, incomes, help plans, and the county office's
// resolution of duplicates. Each command runs inside the caller's transaction (the action wrapper's, a
// test's) and returns what it did for the audit row; lib/households/actions.ts wires them to forms.
import 'server-only';
import type { z } from 'zod';
import { writeAudit } from '@/lib/audit/data';
import { diffFields } from '@/lib/audit/rules';
import type { Viewer } from '@/lib/auth/data';
import type { CommandContext, CommandOutcome } from '@/lib/command';
import { db, execute, type Tx } from '@/lib/db';
import type { HouseholdStatus } from '@/lib/enums';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/locales';
import { translateKey } from '@/lib/i18n/messages';
import { decryptText, encryptText, lookupHash } from '@/lib/personal-data';
import { DEFAULT_POLICY, POLICY_FIELD_NAMES, type PolicyValues } from '@/lib/policy/rules';
import { isWithinScope } from '@/lib/regions/rules';
import { scope } from '@/lib/regions/scope';
import { chinaToday, chinaYear, dayOf, isoDay } from '@/lib/time';
import { checkIdNumber, normaliseIdNumber } from '@/lib/validation';
import { duplicateHitsInArea } from './data';
import { maskIdNumber, maskPhone, pinyinInitials } from './identity';
import {
  actorLevelOf,
  checkTransition,
  DUPLICATE_HITS_PER_DAY,
  type DuplicateHit,
  type DuplicateSource,
  type ExitFacts,
  findTransition,
  latestGuarantees,
  perCapitaIncome,
  refusalField,
  refusalMessage,
  type StepDetails,
  type StepInput,
  stepDetails,
  type TransitionRefusal,
  yearsOfStep,
} from './rules';
import {
  type addMemberSchema,
  type batchStatusSchema,
  CHECKLIST,
  type changeStatusSchema,
  type createHouseholdSchema,
  type recordGuaranteesSchema,
  type removeMemberSchema,
  type resolveDuplicateSchema,
  type revealIdSchema,
  type saveIncomeSchema,
  type updateHouseholdSchema,
  type updateMemberSchema,
} from './schema';
import { lockDuplicateHitsOf } from './sql';

type Context<S extends z.ZodType> = CommandContext<z.output<S>>;

async function findHousehold(tx: Tx, viewer: Viewer, id: number) {
  const household = await tx.household.findFirst({ where: { id, ...scope.household(viewer) } });
  if (!household) throw new NotFoundError();
  return household;
}

async function findPerson(tx: Tx, viewer: Viewer, id: number) {
  const person = await tx.person.findFirst({ where: { id, ...scope.person(viewer) } });
  if (!person) throw new NotFoundError();
  return person;
}

/** Bumps the household's version: any change to it or its members makes older forms stale. */
async function touchHousehold(tx: Tx, id: number, version: number, data: { memberCount?: { increment: number } } = {}) {
  const updated = await tx.household.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ConflictError();
}

/**
 * A person is registered once. The refusal says only "already registered", wherever the person is, so
 * the form cannot tell whether a number belongs to another area; a number registered outside the
 * viewer's area is also a hit for the county office to resolve, audited and capped per user a day.
 */
async function assertIdFree(
  tx: Tx,
  viewer: Viewer,
  idNumber: string,
  at: { field: string; source: DuplicateSource; areaCode: string },
  exceptPersonId?: number,
) {
  const other = await tx.person.findUnique({
    where: { idNumberHash: lookupHash(idNumber) },
    select: { id: true, regionCode: true },
  });
  if (!other || other.id === exceptPersonId) return;
  if (!isWithinScope(other.regionCode, viewer.scopeCode)) {
    const hit = { idNumber, personId: other.id, existingRegionCode: other.regionCode, areaCode: at.areaCode };
    if (!(await recordDuplicateHits(viewer, at.source, [hit])))
      throw new RefusedError('households.duplicateCap', at.field, { max: DUPLICATE_HITS_PER_DAY });
  }
  throw new RefusedError('households.idTaken', at.field);
}

function personData(input: {
  name: string;
  idNumber: string;
  phone?: string;
  health: 'HEALTHY' | 'CHRONIC' | 'SERIOUS' | 'DISABLED';
  labour: 'NORMAL' | 'WEAK' | 'NONE';
  inSchool: boolean;
}) {
  const check = checkIdNumber(input.idNumber);
  if (!check.ok) throw new RefusedError('households.idCheckDigit', 'idNumber');
  return {
    name: input.name,
    idNumberEnc: encryptText(check.idNumber),
    idNumberHash: lookupHash(check.idNumber),
    idLast4: check.idNumber.slice(-4),
    sex: check.sex,
    birthDate: check.birthDate, // taken from the ID number, never typed twice
    phoneEnc: input.phone ? encryptText(input.phone) : null,
    health: input.health,
    labour: input.labour,
    inSchool: input.inSchool,
  };
}

export async function createHousehold({
  viewer,
  input,
  tx,
}: Context<typeof createHouseholdSchema>): Promise<CommandOutcome> {
  if (!isWithinScope(input.regionCode, viewer.scopeCode))
    throw new RefusedError('households.villageOutside', 'regionCode');
  const village = await tx.region.findFirst({ where: { code: input.regionCode, level: 'VILLAGE' } });
  if (!village) throw new RefusedError('households.villageOutside', 'regionCode');
  const head = personData({
    name: input.headName,
    idNumber: input.headIdNumber,
    health: input.headHealth,
    labour: input.headLabour,
    inSchool: false,
  });
  await assertIdFree(tx, viewer, normaliseIdNumber(input.headIdNumber), {
    field: 'headIdNumber',
    source: 'household.create',
    areaCode: village.code,
  });
  const household = await tx.household.create({
    data: {
      regionCode: village.code,
      groupName: input.groupName,
      headName: input.headName,
      headInitials: pinyinInitials(input.headName),
      allowance: input.allowance,
      povertyCauses: input.povertyCauses,
      phoneEnc: input.phone ? encryptText(input.phone) : null,
      memberCount: 1, // 两不愁三保障 unknown until verified in person (recordGuarantees)
      members: { create: { ...head, regionCode: village.code, relation: 'HEAD', isHead: true } },
      statusEvents: {
        create: {
          regionCode: village.code,
          toStatus: 'NOT_POOR',
          userId: viewer.userId,
          userName: viewer.displayName,
          note: '建档',
        },
      },
    },
  });
  return {
    entity: 'Household',
    entityId: household.id,
    regionCode: village.code,
    changes: { headName: input.headName, headIdNumber: input.headIdNumber, groupName: input.groupName },
    redirectTo: `/households/${household.id}`,
  };
}

export async function updateHousehold({
  viewer,
  input,
  tx,
}: Context<typeof updateHouseholdSchema>): Promise<CommandOutcome> {
  const household = await findHousehold(tx, viewer, input.id);
  const fields = {
    groupName: input.groupName,
    allowance: input.allowance,
    povertyCauses: input.povertyCauses,
  };
  const updated = await tx.household.updateMany({
    where: { id: household.id, version: input.version },
    data: { ...fields, ...(input.phone ? { phoneEnc: encryptText(input.phone) } : {}), version: { increment: 1 } }, // blank phone: unchanged
  });
  if (updated.count === 0) throw new ConflictError();
  const changes = diffFields(
    { ...household, povertyCauses: household.povertyCauses.join(',') } as Record<string, unknown>,
    { ...fields, povertyCauses: input.povertyCauses.join(',') },
  );
  return {
    entity: 'Household',
    entityId: household.id,
    regionCode: household.regionCode,
    changes,
    message: 'households.saved',
  };
}

export async function addMember({ viewer, input, tx }: Context<typeof addMemberSchema>): Promise<CommandOutcome> {
  const household = await findHousehold(tx, viewer, input.householdId);
  const person = personData(input);
  await assertIdFree(tx, viewer, normaliseIdNumber(input.idNumber), {
    field: 'idNumber',
    source: 'household.addMember',
    areaCode: household.regionCode,
  });
  await touchHousehold(tx, household.id, input.householdVersion, { memberCount: { increment: 1 } });
  const created = await tx.person.create({
    data: { ...person, householdId: household.id, regionCode: household.regionCode, relation: input.relation },
  });
  return {
    entity: 'Person',
    entityId: created.id,
    regionCode: household.regionCode,
    changes: { name: input.name, idNumber: input.idNumber, relation: input.relation },
    message: 'households.memberAdded',
  };
}

export async function updateMember({ viewer, input, tx }: Context<typeof updateMemberSchema>): Promise<CommandOutcome> {
  const person = await findPerson(tx, viewer, input.id);
  if ((input.relation === 'HEAD') !== person.isHead) throw new RefusedError('households.oneHead', 'relation');
  // Blank ID number and phone keep what is stored: the form never has them in full.
  const storedId = decryptText(person.idNumberEnc);
  const idNumber = input.idNumber ? normaliseIdNumber(input.idNumber) : storedId;
  const { phoneEnc, ...data } = personData({ ...input, idNumber });
  if (idNumber !== storedId)
    await assertIdFree(
      tx,
      viewer,
      idNumber,
      { field: 'idNumber', source: 'household.updateMember', areaCode: person.regionCode },
      person.id,
    );
  const updated = await tx.person.updateMany({
    where: { id: person.id, version: input.version },
    data: { ...data, ...(input.phone ? { phoneEnc } : {}), relation: input.relation, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ConflictError();
  if (person.isHead) {
    await tx.household.update({
      where: { id: person.householdId },
      data: { headName: input.name, headInitials: pinyinInitials(input.name), version: { increment: 1 } },
    });
  }
  const before = {
    name: person.name,
    relation: person.relation,
    health: person.health,
    labour: person.labour,
    inSchool: person.inSchool,
    idNumber: maskIdNumber(storedId),
    phone: person.phoneEnc ? maskPhone(decryptText(person.phoneEnc)) : null,
  };
  return {
    entity: 'Person',
    entityId: person.id,
    regionCode: person.regionCode,
    changes: diffFields(before, {
      name: input.name,
      relation: input.relation,
      health: input.health,
      labour: input.labour,
      inSchool: input.inSchool,
      idNumber: maskIdNumber(idNumber),
      phone: input.phone ? maskPhone(input.phone) : before.phone,
    }),
    message: 'households.memberSaved',
  };
}

export async function removeMember({ viewer, input, tx }: Context<typeof removeMemberSchema>): Promise<CommandOutcome> {
  const person = await findPerson(tx, viewer, input.id);
  if (person.isHead) throw new RefusedError('households.cannotRemoveHead');
  await touchHousehold(tx, person.householdId, input.householdVersion, { memberCount: { increment: -1 } });
  await tx.person.delete({ where: { id: person.id } });
  return {
    entity: 'Person',
    entityId: person.id,
    regionCode: person.regionCode,
    changes: { removed: person.name, reason: input.reason },
    message: 'households.memberRemoved',
  };
}

// ─────────────────────────── Status steps (两公示一公告, exit, removal, return) ───────────────────────────

type StepHousehold = {
  id: number;
  regionCode: string;
  headName: string;
  status: HouseholdStatus;
  statusSince: Date;
  memberCount: number;
  version: number;
};

const OPEN_PROBLEM = ['OPEN', 'IN_PROGRESS', 'ESCALATED'] as const;

/** The county's numbers of a year (the defaults while the year is not set), read once per county and year. */
function policyReader(tx: Tx) {
  const cache = new Map<string, Promise<PolicyValues>>();
  return (countyCode: string, year: number) => {
    const key = `${countyCode}/${year}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = tx.policy
        .findUnique({ where: { countyCode_year: { countyCode, year } } })
        .then((row) =>
          row ? (Object.fromEntries(POLICY_FIELD_NAMES.map((f) => [f, row[f]])) as PolicyValues) : DEFAULT_POLICY,
        );
      cache.set(key, hit);
    }
    return hit;
  };
}

/** The year an exit step assesses: the appraisal's year (China's), kept on its status event; this year for a new appraisal. */
async function assessedYears(tx: Tx, households: StepHousehold[], to: HouseholdStatus, now: Date) {
  const years = new Map<number, number>();
  const thisYear = chinaYear(now);
  if (to !== 'LIFTED_OUT') {
    for (const h of households) years.set(h.id, thisYear);
    return years;
  }
  const events = await tx.statusEvent.findMany({
    where: { householdId: { in: households.map((h) => h.id) }, toStatus: 'EXIT_APPRAISED' },
    orderBy: { at: 'desc' },
    select: { householdId: true, details: true },
  });
  for (const h of households) {
    const details = events.find((e) => e.householdId === h.id)?.details as StepDetails | null | undefined;
    years.set(h.id, details?.appraisal?.assessYear ?? thisYear); // households appraised before the year was kept: this year
  }
  return years;
}

/** The exit facts of each household for its assessed year: that year's income, the year's in-person checks, open urgent problems. */
async function exitFactsFor(
  tx: Tx,
  households: StepHousehold[],
  years: Map<number, number>,
  policy: ReturnType<typeof policyReader>,
) {
  const ids = households.map((h) => h.id);
  const yearSet = [...new Set(years.values())];
  const [incomes, checks, problems] = await Promise.all([
    tx.householdIncome.findMany({ where: { householdId: { in: ids }, year: { in: yearSet } } }),
    tx.guaranteeCheck.findMany({
      where: {
        householdId: { in: ids },
        checkedOn: { gte: dayOf(`${Math.min(...yearSet)}-01-01`), lte: dayOf(`${Math.max(...yearSet)}-12-31`) },
      },
      orderBy: [{ checkedOn: 'desc' }, { id: 'desc' }],
      select: { householdId: true, item: true, met: true, checkedOn: true },
    }),
    tx.problem.groupBy({
      by: ['householdId'],
      where: { householdId: { in: ids }, urgency: 'URGENT', status: { in: [...OPEN_PROBLEM] } },
      _count: { _all: true },
    }),
  ]);
  const facts = new Map<number, ExitFacts>();
  for (const h of households) {
    const year = years.get(h.id) ?? 0;
    const income = incomes.find((i) => i.householdId === h.id && i.year === year);
    const line = (await policy(h.regionCode.slice(0, 6), year)).incomeLineYuan;
    facts.set(h.id, {
      year,
      perCapitaIncomeYuan: income ? perCapitaIncome(income, h.memberCount) : null,
      incomeLineYuan: line,
      guarantees: latestGuarantees(
        checks.filter((c) => c.householdId === h.id && c.checkedOn.getUTCFullYear() === year),
      ),
      openUrgentProblems: problems.find((p) => p.householdId === h.id)?._count._all ?? 0,
    });
  }
  return facts;
}

/**
 * Checks one step for each household (nothing written): the edge, the level, the period of the notice
 * being left (the county's policy of this year, China's), what the step must record, and the exit rule.
 */
async function checkSteps(
  tx: Tx,
  viewer: Viewer,
  households: StepHousehold[],
  to: HouseholdStatus,
  typed: StepInput,
  now: Date,
) {
  const level = actorLevelOf(viewer.scopeCode);
  const policy = policyReader(tx);
  const years = await assessedYears(tx, households, to, now);
  const exiting = households.filter((h) => findTransition(h.status, to)?.exitRule);
  const facts = exiting.length ? await exitFactsFor(tx, exiting, years, policy) : new Map<number, ExitFacts>();
  const results: { household: StepHousehold; year: number; refusal?: TransitionRefusal }[] = [];
  for (const household of households) {
    const result = checkTransition({
      from: household.status,
      to,
      level,
      statusSince: household.statusSince,
      now,
      periods: await policy(household.regionCode.slice(0, 6), chinaYear(now)),
      exit: facts.get(household.id),
      step: typed,
    });
    results.push({
      household,
      year: years.get(household.id) ?? chinaYear(now),
      ...(result.ok ? {} : { refusal: result }),
    });
  }
  return results;
}

/** Writes the step for households that passed checkSteps: one update per starting status and year, one event each. */
async function writeSteps(
  tx: Tx,
  viewer: Viewer,
  checked: { household: StepHousehold; year: number }[],
  to: HouseholdStatus,
  typed: StepInput & { note?: string },
  now: Date,
) {
  const groups = new Map<string, { from: HouseholdStatus; year: number; ids: number[] }>();
  for (const { household, year } of checked) {
    const key = `${household.status}/${year}`;
    const group = groups.get(key) ?? { from: household.status, year, ids: [] };
    group.ids.push(household.id);
    groups.set(key, group);
  }
  for (const { from, year, ids } of groups.values()) {
    const updated = await tx.household.updateMany({
      where: { id: { in: ids }, status: from },
      data: { status: to, statusSince: now, version: { increment: 1 }, ...yearsOfStep(from, to, year) },
    });
    if (updated.count !== ids.length) throw new ConflictError();
  }
  const signer = { userId: viewer.userId, name: viewer.displayName };
  await tx.statusEvent.createMany({
    data: checked.map(({ household }) => {
      const details = stepDetails(household.status, to, typed, signer, now);
      return {
        householdId: household.id,
        regionCode: household.regionCode,
        fromStatus: household.status,
        toStatus: to,
        at: now,
        userId: viewer.userId,
        userName: viewer.displayName.slice(0, 40),
        note: typed.note ?? typed.reason ?? null,
        ...(details ? { details } : {}),
      };
    }),
  });
}

const STEP_SELECT = {
  id: true,
  regionCode: true,
  headName: true,
  status: true,
  statusSince: true,
  memberCount: true,
  version: true,
} as const;

/**
 * One step of identification, exit, removal or return for one household: on the path, at a level high
 * enough, after the notice being left was up its period, with what the step records (the appraisal, the
 * township's signature, a reason, a cause), and for an exit the exit rule of the assessed year.
 */
export async function changeStatus({ viewer, input, tx }: Context<typeof changeStatusSchema>): Promise<CommandOutcome> {
  const household = await tx.household.findFirst({
    where: { id: input.id, ...scope.household(viewer) },
    select: STEP_SELECT,
  });
  if (!household) throw new NotFoundError();
  if (household.version !== input.version) throw new ConflictError();
  const now = new Date();
  const [checked] = await checkSteps(tx, viewer, [household], input.to, input, now);
  if (checked?.refusal) {
    const { key, params } = refusalMessage(checked.refusal);
    throw new RefusedError(key, refusalField(checked.refusal), params);
  }
  await writeSteps(tx, viewer, [{ household, year: checked?.year ?? chinaYear(now) }], input.to, input, now);
  return {
    entity: 'Household',
    entityId: household.id,
    regionCode: household.regionCode,
    changes: { status: { from: household.status, to: input.to }, note: input.note, ...stepChanges(input) },
    message: 'households.statusChanged',
  };
}

/** The typed step fields that were filled, for the audit row. */
function stepChanges(input: StepInput) {
  return Object.fromEntries(
    Object.entries(input).filter(([key, v]) => key !== 'note' && v !== undefined && v !== false),
  );
}

/** A refusal in words, the exit problems listed (for a batch's list of refused households). */
function refusalText(locale: Locale, refusal: TransitionRefusal): string {
  const { key, params } = refusalMessage(refusal);
  const sep = locale === 'en' ? ', ' : '、';
  const expanded = Object.fromEntries(
    Object.entries(params ?? {}).map(([name, value]) => [
      name,
      name === 'problems' && typeof value === 'string'
        ? value
            .split('|')
            .filter(Boolean)
            .map((k) => translateKey(locale, k))
            .join(sep)
        : value,
    ]),
  );
  return translateKey(locale, key, expanded);
}

/**
 * One step for many households of one village in one transaction (a county must not step 1,500 households
 * one by one): the ticked households, or every household of the village in status `from`. Each is checked
 * as changeStatus checks one; if any may not take the step, nothing is written and the refusal lists every
 * refused household with its reason.
 */
export async function batchChangeStatus({
  viewer,
  input,
  tx,
  locale,
}: Context<typeof batchStatusSchema>): Promise<CommandOutcome> {
  if (!isWithinScope(input.area, viewer.scopeCode)) throw new NotFoundError();
  const seen = new Map(
    input.items.map((item) => {
      const [id, version] = item.split(':').map(Number);
      return [id ?? 0, version ?? 0] as const;
    }),
  );
  if (!input.all && seen.size === 0) throw new RefusedError('households.batchNoneSelected', 'items');
  const households = await tx.household.findMany({
    where: {
      ...scope.household(viewer, input.area),
      ...(input.all ? { status: input.from } : { id: { in: [...seen.keys()] } }),
    },
    select: STEP_SELECT,
    orderBy: [{ groupName: 'asc' }, { headName: 'asc' }, { id: 'asc' }],
  });
  if (households.length === 0) throw new RefusedError('households.batchNoneSelected', 'items');
  // A ticked household outside the village or the area is not found; one changed since the list was shown is a conflict.
  if (!input.all) {
    if (households.length !== seen.size) throw new NotFoundError();
    if (households.some((h) => seen.get(h.id) !== h.version)) throw new ConflictError();
  }
  const now = new Date();
  const checked = await checkSteps(tx, viewer, households, input.to, input, now);
  const refused = checked.filter((c) => c.refusal);
  if (refused.length > 0) {
    const list = refused.map(
      (c) =>
        `${c.household.headName}（${translateKey(locale, `households.statuses.${c.household.status}`)}）：${refusalText(locale, c.refusal as TransitionRefusal)}`,
    );
    throw new RefusedError('households.batchRefused', undefined, {
      refused: refused.length,
      total: households.length,
      list: list.join('\n'),
    });
  }
  await writeSteps(tx, viewer, checked, input.to, input, now);
  return {
    entity: 'Household', // many: their ids are in the changes
    regionCode: input.area,
    changes: {
      to: input.to,
      households: households.length,
      ids: households.map((h) => h.id),
      note: input.note,
      ...stepChanges({ ...input, all: undefined, items: undefined } as StepInput),
    },
    message: 'households.batchDone',
    data: { count: String(households.length) },
  };
}

/**
 * Records 两不愁三保障 verified in person: the visit must be an in-person visit to this household (seed 001:
 * no phone call in place of a visit); each item ticked met or not met is kept with the visit's date and the
 * user's name, and becomes the household's last known state. Items left blank stay as they were.
 */
export async function recordGuarantees({
  viewer,
  input,
  tx,
}: Context<typeof recordGuaranteesSchema>): Promise<CommandOutcome> {
  const household = await findHousehold(tx, viewer, input.householdId);
  const visit = await tx.visit.findFirst({ where: { id: BigInt(input.visitId), householdId: household.id } });
  if (!visit) throw new RefusedError('households.guaranteeVisitMissing', 'visitId');
  if (visit.kind !== 'IN_PERSON') throw new RefusedError('households.guaranteeNotInPerson', 'visitId');
  const items = CHECKLIST.flatMap((item) => (input[item] ? [{ item, met: input[item] === 'MET' }] : []));
  if (items.length === 0) throw new RefusedError('households.guaranteeNothing', CHECKLIST[0]);
  await tx.guaranteeCheck.createMany({
    data: items.map(({ item, met }) => ({
      householdId: household.id,
      regionCode: household.regionCode,
      item,
      met,
      checkedOn: visit.visitedOn,
      visitId: visit.id,
      checkedById: viewer.userId,
      checkedByName: viewer.displayName.slice(0, 40),
    })),
  });
  // The household's columns keep the last known state (the roster and the page read them); only a newer check moves them.
  const newer = await tx.guaranteeCheck.count({
    where: { householdId: household.id, checkedOn: { gt: visit.visitedOn } },
  });
  if (newer === 0)
    await tx.household.update({
      where: { id: household.id },
      data: { ...Object.fromEntries(items.map(({ item, met }) => [item, met])), version: { increment: 1 } },
    });
  return {
    entity: 'Household',
    entityId: household.id,
    regionCode: household.regionCode,
    changes: {
      visitId: String(visit.id),
      visitedOn: isoDay(visit.visitedOn),
      ...Object.fromEntries(items.map(({ item, met }) => [item, met])),
    },
    message: 'households.guaranteesSaved',
  };
}

export async function saveIncome({ viewer, input, tx }: Context<typeof saveIncomeSchema>): Promise<CommandOutcome> {
  const household = await findHousehold(tx, viewer, input.householdId);
  const { householdId, year, version, ...amounts } = input;
  const existing = await tx.householdIncome.findUnique({ where: { householdId_year: { householdId, year } } });
  if (existing) {
    const updated = await tx.householdIncome.updateMany({
      where: { id: existing.id, version: version ?? -1 },
      data: { ...amounts, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError();
  } else {
    await tx.householdIncome.create({ data: { householdId, year, ...amounts } });
  }
  return {
    entity: 'HouseholdIncome',
    entityId: `${householdId}/${year}`,
    regionCode: household.regionCode,
    changes: { year, ...(existing ? diffFields(existing, amounts) : amounts) },
    message: 'households.incomeSaved',
  };
}

/** Shows one full ID number to a role that may see it; every view is audited. */
export async function revealIdNumber({ viewer, input, tx }: Context<typeof revealIdSchema>): Promise<CommandOutcome> {
  const person = await findPerson(tx, viewer, input.personId);
  return {
    entity: 'Person',
    entityId: person.id,
    regionCode: person.regionCode,
    message: 'households.revealed',
    data: { idNumber: decryptText(person.idNumberEnc) },
  };
}

/** The county office marks a duplicate across areas resolved (after merging or correcting the records). */
export async function resolveDuplicate({
  viewer,
  input,
  tx,
}: Context<typeof resolveDuplicateSchema>): Promise<CommandOutcome> {
  const hit = await tx.duplicateIdHit.findFirst({ where: { id: input.id, ...duplicateHitsInArea(viewer) } });
  if (!hit) throw new NotFoundError();
  const updated = await tx.duplicateIdHit.updateMany({
    where: { id: hit.id, resolvedAt: null },
    data: { resolvedAt: new Date(), resolvedById: viewer.userId, resolution: input.resolution },
  });
  if (updated.count === 0) throw new RefusedError('households.duplicateAlreadyResolved');
  return {
    entity: 'DuplicateIdHit',
    entityId: hit.id,
    regionCode: hit.existingRegionCode,
    changes: { idNumber: hit.idMasked, resolution: input.resolution },
    message: 'households.duplicateResolved',
  };
}

// ─────────────────────────── Duplicates across areas ───────────────────────────

/**
 * Records registered ID numbers met outside the viewer's area: each one audited on its own (masked) and
 * kept for the county office's list. A user may meet DUPLICATE_HITS_PER_DAY people a day (China's day);
 * when a call would pass the cap, the hits up to it are kept and the whole check, import or form is
 * refused (false), so one file cannot test thousands of numbers. Its own transaction, kept when the
 * caller's is rolled back (a refusal); one call per user at a time (an advisory lock).
 */
export async function recordDuplicateHits(
  viewer: Viewer,
  source: DuplicateSource,
  hits: DuplicateHit[],
  requestId?: string,
): Promise<boolean> {
  if (hits.length === 0) return true;
  const actor = { userId: viewer.userId, username: viewer.username, role: viewer.role };
  return db.$transaction(async (tx) => {
    await execute(tx, lockDuplicateHitsOf(viewer.userId));
    const today = await tx.duplicateIdHit.findMany({
      where: { userId: viewer.userId, at: { gte: new Date(`${chinaToday()}T00:00:00+08:00`) } },
      select: { existingPersonId: true },
    });
    // A person met again the same day (a check, then its import) teaches nothing new: audited, not counted again.
    const seen = new Set(today.map((h) => h.existingPersonId));
    const fresh = [...new Map(hits.filter((h) => !seen.has(h.personId)).map((h) => [h.personId, h])).values()];
    const used = seen.size;
    const allowed = fresh.slice(0, Math.max(0, DUPLICATE_HITS_PER_DAY - used));
    const kept = [...allowed, ...hits.filter((h) => seen.has(h.personId))];
    await tx.duplicateIdHit.createMany({
      data: allowed.map((hit) => ({
        userId: viewer.userId,
        userName: viewer.displayName.slice(0, 40),
        areaCode: hit.areaCode,
        source,
        idMasked: maskIdNumber(hit.idNumber),
        existingPersonId: hit.personId,
        existingRegionCode: hit.existingRegionCode,
      })),
    });
    for (const hit of kept) {
      await writeAudit(tx, actor, {
        action: 'household.duplicateHit',
        result: 'REFUSED',
        entity: 'Person',
        regionCode: hit.areaCode,
        changes: { idNumber: hit.idNumber, source },
        requestId,
      });
    }
    if (allowed.length === fresh.length) return true;
    await writeAudit(tx, actor, {
      action: 'household.duplicateHit',
      result: 'REFUSED',
      regionCode: viewer.scopeCode,
      message: 'households.duplicateCap',
      changes: { source, hits: fresh.length, usedToday: used, cap: DUPLICATE_HITS_PER_DAY },
      requestId,
    });
    return false;
  });
}
