import { z } from 'zod';
import { ALLOWANCES, HEALTH, HOUSEHOLD_STATUSES, LABOUR, POVERTY_CAUSES, RELATIONS } from '@/lib/enums';
import {
  checkbox,
  idNumber,
  integer,
  optionalInteger,
  optionalPhone,
  optionalText,
  recordId,
  text,
  version,
} from '@/lib/validation';
import { HELP_MEASURE_KINDS } from './rules';

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

const checklist = Object.fromEntries(CHECKLIST.map((name) => [name, checkbox])) as Record<
  (typeof CHECKLIST)[number],
  typeof checkbox
>;

const householdFields = {
  groupName: text(20),
  phone: optionalPhone,
  allowance: z.enum(ALLOWANCES, { error: 'errors.invalidChoice' }),
  povertyCauses: many(POVERTY_CAUSES),
  ...checklist,
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

export const updateMemberSchema = z.strictObject({
  id,
  version,
  relation: z.enum(RELATIONS, { error: 'errors.invalidChoice' }),
  ...memberFields,
});

export const removeMemberSchema = z.strictObject({ id, householdVersion: version, reason: text(200) });

export const changeStatusSchema = z.strictObject({
  id,
  version,
  to: z.enum(HOUSEHOLD_STATUSES, { error: 'errors.invalidChoice' }),
  note: text(500),
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

export const HELP_MEASURES = HELP_MEASURE_KINDS;
const measureDetails = Object.fromEntries(
  HELP_MEASURES.map((kind) => [`measure_${kind}`, optionalText(200)]),
) as Record<`measure_${(typeof HELP_MEASURES)[number]}`, ReturnType<typeof optionalText>>;

export const saveHelpPlanSchema = z
  .strictObject({
    householdId: id,
    version: optionalInteger(1, 2_147_483_647),
    incomeTargetYuan: integer(0, 1_000_000),
    responsible: optionalText(40),
    agreedOn: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date({ error: 'errors.invalid' }).optional()),
    ...measureDetails,
  })
  .refine((v) => HELP_MEASURES.some((kind) => v[`measure_${kind}`]), {
    error: 'households.planNeedsMeasure',
    path: ['measure_INDUSTRY'],
  });

export const revealIdSchema = z.strictObject({ personId: id });

/** The county office marks a cross-area duplicate resolved, saying how. */
export const resolveDuplicateSchema = z.strictObject({ id, resolution: text(200) });
