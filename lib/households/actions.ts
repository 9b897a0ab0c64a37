'use server';
import 'server-only';
import { action } from '@/lib/action';
import { diffFields } from '@/lib/audit/rules';
import type { Viewer } from '@/lib/auth/data';
import type { Tx } from '@/lib/db';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import { decryptText, encryptText, lookupHash } from '@/lib/personal-data';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { isWithinScope } from '@/lib/regions/rules';
import { chinaYear } from '@/lib/time';
import { checkIdNumber, normaliseIdNumber } from '@/lib/validation';
import { type DuplicateSource, recordDuplicateHits } from './data';
import { maskIdNumber, pinyinInitials } from './identity';
import { actorLevelOf, checkTransition, DUPLICATE_HITS_PER_DAY, perCapitaIncome } from './rules';
import {
  addMemberSchema,
  CHECKLIST,
  changeStatusSchema,
  createHouseholdSchema,
  HELP_MEASURES,
  removeMemberSchema,
  resolveDuplicateSchema,
  revealIdSchema,
  saveHelpPlanSchema,
  saveIncomeSchema,
  updateHouseholdSchema,
  updateMemberSchema,
} from './schema';

async function findHousehold(tx: Tx, viewer: Viewer, id: number) {
  const household = await tx.household.findFirst({ where: { id, regionCode: { startsWith: viewer.scopeCode } } });
  if (!household) throw new NotFoundError();
  return household;
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

export const createHousehold = action(
  'household.create',
  'household.edit',
  createHouseholdSchema,
  async ({ viewer, input, tx }) => {
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
  },
);

export const updateHousehold = action(
  'household.update',
  'household.edit',
  updateHouseholdSchema,
  async ({ viewer, input, tx }) => {
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
  },
);

export const addMember = action(
  'household.addMember',
  'household.edit',
  addMemberSchema,
  async ({ viewer, input, tx }) => {
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
  },
);

export const updateMember = action(
  'household.updateMember',
  'household.edit',
  updateMemberSchema,
  async ({ viewer, input, tx }) => {
    const person = await tx.person.findFirst({ where: { id: input.id, regionCode: { startsWith: viewer.scopeCode } } });
    if (!person) throw new NotFoundError();
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
  },
);

export const removeMember = action(
  'household.removeMember',
  'household.edit',
  removeMemberSchema,
  async ({ viewer, input, tx }) => {
    const person = await tx.person.findFirst({ where: { id: input.id, regionCode: { startsWith: viewer.scopeCode } } });
    if (!person) throw new NotFoundError();
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
  },
);

export const changeStatus = action(
  'household.changeStatus',
  'household.status',
  changeStatusSchema,
  async ({ viewer, input, tx }) => {
    const household = await findHousehold(tx, viewer, input.id);
    const now = new Date();
    const countyCode = household.regionCode.slice(0, 6);
    const policy =
      (await tx.policy.findUnique({ where: { countyCode_year: { countyCode, year: chinaYear(now) } } })) ??
      DEFAULT_POLICY;
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
      exit: {
        perCapitaIncomeYuan: income ? perCapitaIncome(income, household.memberCount) : null,
        incomeLineYuan: policy.incomeLineYuan,
        food: household.foodSecure,
        clothing: household.clothingSecure,
        education: household.educationSecure,
        medical: household.medicalSecure,
        housing: household.housingSecure,
        water: household.waterSecure,
      },
    });
    if (!result.ok) {
      if (result.reason === 'exitRule')
        throw new RefusedError('households.exitRefused', undefined, {
          problems: (result.problems ?? []).map((p) => `households.exitProblems.${p}`).join('|'),
        });
      if (result.reason === 'noticeTooShort')
        throw new RefusedError('households.noticeTooShort', undefined, { days: result.daysLeft ?? 1 });
      throw new RefusedError(result.reason === 'levelTooLow' ? 'households.levelTooLow' : 'households.stepNotAllowed');
    }
    const lifted = input.to === 'LIFTED_OUT';
    const registered = input.to === 'REGISTERED_POOR' && household.status === 'COUNTY_ANNOUNCEMENT';
    const updated = await tx.household.updateMany({
      where: { id: household.id, version: input.version },
      data: {
        status: input.to,
        statusSince: now,
        version: { increment: 1 },
        ...(lifted ? { exitYear: chinaYear(now) } : {}),
        ...(registered ? { identifiedYear: chinaYear(now) } : {}),
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
  },
);

export const saveIncome = action(
  'household.saveIncome',
  'household.edit',
  saveIncomeSchema,
  async ({ viewer, input, tx }) => {
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
  },
);

export const saveHelpPlan = action(
  'household.saveHelpPlan',
  'household.edit',
  saveHelpPlanSchema,
  async ({ viewer, input, tx }) => {
    const household = await findHousehold(tx, viewer, input.householdId);
    const measures = HELP_MEASURES.filter((kind) => input[`measure_${kind}`]).map((kind) => ({
      kind,
      detail: input[`measure_${kind}`]!,
    }));
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
  },
);

/** Shows one full ID number to a role that may see it; every view is audited. */
export const revealIdNumber = action(
  'person.revealId',
  'personal.reveal',
  revealIdSchema,
  async ({ viewer, input, tx }) => {
    const person = await tx.person.findFirst({
      where: { id: input.personId, regionCode: { startsWith: viewer.scopeCode } },
    });
    if (!person) throw new NotFoundError();
    return {
      entity: 'Person',
      entityId: person.id,
      regionCode: person.regionCode,
      message: 'households.revealed',
      data: { idNumber: decryptText(person.idNumberEnc) },
    };
  },
);

/** The county office marks a duplicate across areas resolved (after merging or correcting the records). */
export const resolveDuplicate = action(
  'household.resolveDuplicate',
  'household.duplicates',
  resolveDuplicateSchema,
  async ({ viewer, input, tx }) => {
    const area = { startsWith: viewer.scopeCode };
    const hit = await tx.duplicateIdHit.findFirst({
      where: { id: input.id, OR: [{ areaCode: area }, { existingRegionCode: area }] },
    });
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
  },
);
