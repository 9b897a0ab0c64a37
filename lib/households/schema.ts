import { z } from 'zod';
import { ALLOWANCES, HEALTH, HOUSEHOLD_STATUSES, LABOUR, POVERTY_CAUSES, RELATIONS } from '@/lib/enums';
import {
  checkbox,
  idNumber,
  integer,
  optionalIdNumber,
  optionalInteger,
  optionalIsoDate,
  optionalPhone,
  optionalText,
  recordId,
  text,
  version,
} from '@/lib/validation';
import { APPRAISAL_RESULTS, RETURN_CAUSES } from './rules';

export { ALLOWANCES, HEALTH, LABOUR, POVERTY_CAUSES, RELATIONS };
export const CHECKLIST = [
  'foodSecure',
  'clothingSecure',
  'educationSecure',
  'medicalSecure',
  'housingSecure',
  'waterSecure',
] as const;

const id = recordId;

/** Multi-select values arrive as one string or an array of strings. */
const many = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, { error: 'errors.invalidChoice' })),
  );

const householdFields = {
  groupName: text(20),
  phone: optionalPhone,
  allowance: z.enum(ALLOWANCES, { error: 'errors.invalidChoice' }),
  povertyCauses: many(POVERTY_CAUSES),
};

const memberFields = {
  name: text(40),
  idNumber,
  phone: optionalPhone,
  health: z.enum(HEALTH, { error: 'errors.invalidChoice' }),
  labour: z.enum(LABOUR, { error: 'errors.invalidChoice' }),
  inSchool: checkbox,
};

export const createHouseholdSchema = z.strictObject({
  regionCode: z.string().regex(/^\d{12}$/, { error: 'households.villageRequired' }),
  ...householdFields,
  headName: text(40),
  headIdNumber: idNumber,
  headHealth: z.enum(HEALTH, { error: 'errors.invalidChoice' }),
  headLabour: z.enum(LABOUR, { error: 'errors.invalidChoice' }),
});

export const updateHouseholdSchema = z.strictObject({ id, version, ...householdFields });

export const addMemberSchema = z.strictObject({
  householdId: id,
  householdVersion: version,
  relation: z
    .enum(RELATIONS, { error: 'errors.invalidChoice' })
    .refine((r) => r !== 'HEAD', { error: 'households.oneHead' }),
  ...memberFields,
});

/** An edit keeps the stored ID number and phone unless new ones are typed (neither is sent to the browser in full). */
export const updateMemberSchema = z.strictObject({
  id,
  version,
  relation: z.enum(RELATIONS, { error: 'errors.invalidChoice' }),
  ...memberFields,
  idNumber: optionalIdNumber,
});

export const removeMemberSchema = z.strictObject({ id, householdVersion: version, reason: text(200) });

/** What a step records besides the note (each step needs some of these: lib/households/rules.ts StepNeed). */
const stepFields = {
  note: optionalText(500),
  appraisalOn: optionalIsoDate,
  attendees: optionalInteger(1, 10_000),
  attendeeNames: optionalText(500),
  appraisalResult: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(APPRAISAL_RESULTS, { error: 'errors.invalidChoice' }).optional(),
  ),
  vouch: checkbox,
  reason: optionalText(200),
  returnCause: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(RETURN_CAUSES, { error: 'errors.invalidChoice' }).optional(),
  ),
};

export const changeStatusSchema = z.strictObject({
  id,
  version,
  to: z.enum(HOUSEHOLD_STATUSES, { error: 'errors.invalidChoice' }),
  ...stepFields,
});

/** One household of a batch as the list sends it: "id:version" (the version the user saw). */
const batchItem = z.string().regex(/^\d{1,9}:\d{1,9}$/, { error: 'errors.invalid' });

/**
 * One step for many households of a village at once: the ticked ones ("id:version"), or with `all` every
 * household of the village in status `from`. One transaction: every household takes the step or none does.
 */
export const batchStatusSchema = z.strictObject({
  area: z.string().regex(/^\d{12}$/, { error: 'households.villageRequired' }),
  from: z.enum(HOUSEHOLD_STATUSES, { error: 'errors.invalidChoice' }),
  to: z.enum(HOUSEHOLD_STATUSES, { error: 'errors.invalidChoice' }),
  all: checkbox,
  items: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(batchItem).max(5_000),
  ),
  ...stepFields,
});

/** A cadre records, from an in-person visit, whether each of 两不愁三保障 is met ("" = not checked this time). */
export const recordGuaranteesSchema = z.strictObject({
  householdId: id,
  visitId: recordId,
  ...(Object.fromEntries(
    CHECKLIST.map((name) => [
      name,
      z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.enum(['MET', 'NOT_MET']).optional()),
    ]),
  ) as unknown as Record<(typeof CHECKLIST)[number], z.ZodType<'MET' | 'NOT_MET' | undefined>>),
});

export const saveIncomeSchema = z.strictObject({
  householdId: id,
  year: integer(2000, 2100),
  version: optionalInteger(1, 2_147_483_647),
  wageYuan: integer(0, 10_000_000),
  productionYuan: integer(-1_000_000, 10_000_000), // a bad harvest can make net production income negative
  propertyYuan: integer(0, 10_000_000),
  transferYuan: integer(0, 10_000_000),
});

export const revealIdSchema = z.strictObject({ personId: id });

/** The county office marks a cross-area duplicate resolved, saying how. */
export const resolveDuplicateSchema = z.strictObject({ id, resolution: text(200) });
