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
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import { decryptText, encryptText, lookupHash } from '@/lib/personal-data';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { isWithinScope } from '@/lib/regions/rules';
import { scope } from '@/lib/regions/scope';
import { chinaToday, chinaYear } from '@/lib/time';
import { checkIdNumber, normaliseIdNumber } from '@/lib/validation';
import { duplicateHitsInArea } from './data';
import { maskIdNumber, pinyinInitials } from './identity';
import {
  actorLevelOf,
  checkTransition,
  DUPLICATE_HITS_PER_DAY,
  type DuplicateHit,
  type DuplicateSource,
  exitFactsOf,
  refusalMessage,
  yearsOfStep,
} from './rules';
import {
  type addMemberSchema,
  CHECKLIST,
  type changeStatusSchema,
  type createHouseholdSchema,
  HELP_MEASURES,
  type removeMemberSchema,
  type resolveDuplicateSchema,
  type revealIdSchema,
  type saveHelpPlanSchema,
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
      memberCount: 1,
      ...Object.fromEntries(CHECKLIST.map((name) => [name, input[name]])),
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
    ...Object.fromEntries(CHECKLIST.map((name) => [name, input[name]])),
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
  const data = personData(input);
  await assertIdFree(
    tx,
    viewer,
    normaliseIdNumber(input.idNumber),
    { field: 'idNumber', source: 'household.updateMember', areaCode: person.regionCode },
    person.id,
  );
  const updated = await tx.person.updateMany({
    where: { id: person.id, version: input.version },
    data: { ...data, relation: input.relation, version: { increment: 1 } },
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
    idNumber: maskIdNumber(decryptText(person.idNumberEnc)),
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
      idNumber: maskIdNumber(input.idNumber),
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

/**
 * One step of registration or exit (两公示一公告): the step must be on the path, taken at a level high
 * enough, after the notice was up the county's days, and an exit must meet the exit rule with the
 * household's latest income against the county's line for this year (China's).
 */
export async function changeStatus({ viewer, input, tx }: Context<typeof changeStatusSchema>): Promise<CommandOutcome> {
  const household = await findHousehold(tx, viewer, input.id);
  const now = new Date();
  const year = chinaYear(now);
  const countyCode = household.regionCode.slice(0, 6);
  const policy = (await tx.policy.findUnique({ where: { countyCode_year: { countyCode, year } } })) ?? DEFAULT_POLICY;
  const income = await tx.householdIncome.findFirst({
    where: { householdId: household.id },
    orderBy: { year: 'desc' },
  });
  const result = checkTransition({
    from: household.status,
    to: input.to,
    level: actorLevelOf(viewer.scopeCode),
    statusSince: household.statusSince,
    now,
    noticeMinDays: policy.noticeMinDays,
    exit: exitFactsOf(household, income, policy.incomeLineYuan),
  });
  if (!result.ok) {
    const { key, params } = refusalMessage(result);
    throw new RefusedError(key, undefined, params);
  }
  const updated = await tx.household.updateMany({
    where: { id: household.id, version: input.version },
    data: {
      status: input.to,
      statusSince: now,
      version: { increment: 1 },
      ...yearsOfStep(household.status, input.to, year),
    },
  });
  if (updated.count === 0) throw new ConflictError();
  await tx.statusEvent.create({
    data: {
      householdId: household.id,
      regionCode: household.regionCode,
      fromStatus: household.status,
      toStatus: input.to,
      at: now,
      userId: viewer.userId,
      userName: viewer.displayName,
      note: input.note,
    },
  });
  return {
    entity: 'Household',
    entityId: household.id,
    regionCode: household.regionCode,
    changes: { status: { from: household.status, to: input.to }, note: input.note },
    message: 'households.statusChanged',
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

export async function saveHelpPlan({ viewer, input, tx }: Context<typeof saveHelpPlanSchema>): Promise<CommandOutcome> {
  const household = await findHousehold(tx, viewer, input.householdId);
  const measures = HELP_MEASURES.flatMap((kind) => {
    const detail = input[`measure_${kind}`];
    return detail ? [{ kind, detail }] : [];
  });
  const data = {
    incomeTargetYuan: input.incomeTargetYuan,
    responsible: input.responsible ?? null,
    agreedOn: input.agreedOn ? new Date(input.agreedOn) : null,
    measures,
  };
  const existing = await tx.helpPlan.findUnique({ where: { householdId: household.id } });
  if (existing) {
    const updated = await tx.helpPlan.updateMany({
      where: { id: existing.id, version: input.version ?? -1 },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError();
  } else {
    if (input.version !== undefined) throw new ConflictError();
    await tx.helpPlan.create({ data: { ...data, householdId: household.id } });
  }
  return {
    entity: 'HelpPlan',
    entityId: household.id,
    regionCode: household.regionCode,
    changes: { incomeTargetYuan: data.incomeTargetYuan, measures: measures.map((m) => m.kind).join(',') },
    message: 'households.planSaved',
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
