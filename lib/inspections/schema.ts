import { z } from 'zod';
import { FOLLOW_UP_KINDS, INSPECTION_KINDS } from '@/lib/enums';
import { problemFields } from '@/lib/problems/schema';
import { checkbox, integer, isoDate, optionalRecordId, optionalText, recordId, text, version } from '@/lib/validation';

const code = (length: number) => z.string().regex(new RegExp(`^\\d{${length}}$`), { error: 'errors.invalidChoice' });
const optionalId = optionalRecordId;
/** yes / no / could not judge (null). */
const answer = z.preprocess((v) => (v === 'yes' ? true : v === 'no' ? false : null), z.boolean().nullable());

export const planInspectionSchema = z
  .strictObject({
    kind: z.enum(INSPECTION_KINDS, { error: 'errors.invalidChoice' }),
    areaCode: z.string().regex(/^(\d{6}|\d{9})$/, { error: 'errors.invalidChoice' }),
    plannedOn: isoDate,
    villageCount: integer(1, 10),
    householdsPerVillage: integer(1, 10),
    unitId: optionalId,
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'RETURN_VISIT' && !v.unitId)
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'inspections.unitRequired' });
  });

export const presenceSchema = z.strictObject({
  inspectionId: recordId,
  cadreId: recordId,
  day: isoDate,
  present: z.enum(['yes', 'no'], { error: 'errors.invalidChoice' }).transform((v) => v === 'yes'),
  note: optionalText(200),
});

export const householdCheckSchema = z.strictObject({
  inspectionId: recordId,
  householdId: recordId,
  visitedAsClaimed: answer,
  knowsCadre: answer,
  measuresReal: answer,
  satisfied: answer,
  note: optionalText(500),
});

export const findingSchema = z
  .strictObject({
    inspectionId: recordId,
    villageCode: code(12),
    description: text(1000),
    openProblem: checkbox,
    category: problemFields.category.optional().or(z.literal('').transform(() => undefined)),
    urgency: problemFields.urgency.optional().or(z.literal('').transform(() => undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.openProblem && !v.category) ctx.addIssue({ code: 'custom', path: ['category'], message: 'errors.required' });
    if (v.openProblem && !v.urgency) ctx.addIssue({ code: 'custom', path: ['urgency'], message: 'errors.required' });
  });

export const completeInspectionSchema = z.strictObject({
  inspectionId: recordId,
  version,
  summary: optionalText(2000),
});

export const followUpSchema = z
  .strictObject({
    kind: z.enum(FOLLOW_UP_KINDS, { error: 'errors.invalidChoice' }),
    cadreId: recordId,
    heldOn: isoDate,
    reason: text(500),
    inspectionId: optionalId,
    /** A talk with the member's dispatching unit's head (seed 000: 派出單位負責人進行了約談): the head's name. */
    headName: optionalText(40),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'UNIT_HEAD_TALK' && !value.headName)
      ctx.addIssue({ code: 'custom', path: ['headName'], message: 'inspections.headNameRequired' });
  });

export const adjustAssessmentSchema = z.strictObject({
  year: integer(2000, 2100),
  subjectCode: z.string().regex(/^(\d{9}|\d{12})$/, { error: 'errors.invalidChoice' }),
  score: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
    z
      .number({ error: 'errors.invalid' })
      .min(0, { error: 'inspections.scoreRange' })
      .max(100, { error: 'inspections.scoreRange' }),
  ),
  reason: text(500),
});
