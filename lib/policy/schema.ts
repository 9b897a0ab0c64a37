import { z } from 'zod';
import { integer, optionalInteger } from '@/lib/validation';
import { POLICY_FIELD_NAMES, POLICY_FIELDS, type PolicyValues, policyProblems } from './rules';

const fieldSchemas = Object.fromEntries(
  POLICY_FIELD_NAMES.map((name) => [name, integer(POLICY_FIELDS[name].min, POLICY_FIELDS[name].max)]),
) as Record<keyof PolicyValues, ReturnType<typeof integer>>;

export const policySchema = z
  .strictObject({
    countyCode: z.string().regex(/^\d{6}$/),
    year: integer(2000, 2100),
    version: optionalInteger(1, 2_147_483_647), // absent when the year is new
    ...fieldSchemas,
  })
  .superRefine((value, ctx) => {
    for (const [field, key] of policyProblems(value as unknown as PolicyValues))
      ctx.addIssue({ code: 'custom', path: [field], message: key });
  });
