import { z } from 'zod';
import { PROBLEM_CATEGORIES, PROBLEM_OWNERS, PROBLEM_STEPS, URGENCIES } from '@/lib/enums';
import {
  optionalClientKey,
  optionalIsoDate,
  optionalRecordId,
  optionalText,
  recordId,
  text,
  version,
} from '@/lib/validation';
import { RISK_EVENTS } from './rules';

/** A risk event, or none (empty). */
export const riskEvent = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.enum(RISK_EVENTS, { error: 'errors.invalidChoice' }).optional(),
);

export const problemFields = {
  category: z.enum(PROBLEM_CATEGORIES, { error: 'errors.invalidChoice' }),
  urgency: z.enum(URGENCIES, { error: 'errors.invalidChoice' }),
  description: text(1000),
  riskEvent,
};

/** Comma-separated keys of photos the user uploaded (POST /api/uploads) and not yet attached. */
export const photoKeys = z.preprocess(
  (v) => (v === '' || v === undefined ? [] : typeof v === 'string' ? v.split(',') : v),
  z
    .array(z.string().regex(/^\d{4}\/\d{2}\/[0-9a-f-]{36}\.(jpg|png|webp)$/, { error: 'errors.invalid' }))
    .max(6, { error: 'problems.tooManyPhotos' }),
);

const optionalId = optionalRecordId;

/** A problem reported outside a visit: of a household or of the village as a whole. */
export const openProblemSchema = z.strictObject({
  villageCode: z.string().regex(/^\d{12}$/, { error: 'errors.invalidChoice' }),
  householdId: optionalId,
  source: z.enum(['INSPECTION', 'REPORT'], { error: 'errors.invalidChoice' }),
  ...problemFields,
});

/** One step of the workflow; which fields it needs depends on the step (checked here, beside the field). */
export const problemStepSchema = z
  .strictObject({
    problemId: recordId,
    version,
    step: z.enum(PROBLEM_STEPS.filter((s) => s !== 'OPEN') as ['START', ...string[]], {
      error: 'errors.invalidChoice',
    }),
    note: optionalText(1000),
    evidence: optionalText(1000),
    photoKeys,
    owner: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(PROBLEM_OWNERS, { error: 'errors.invalidChoice' }).optional(),
    ),
    ownerUnitId: optionalId,
    deadline: optionalIsoDate,
    /** The outbox's key: a resend finds the stored step (online forms send none). */
    clientKey: optionalClientKey,
  })
  .superRefine((v, ctx) => {
    const need = (field: 'note' | 'evidence' | 'owner' | 'deadline' | 'ownerUnitId', message: string) => {
      if (v[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (v.step === 'SOLVE') {
      need('note', 'problems.whatDoneRequired');
      need('evidence', 'problems.evidenceRequired');
    }
    if (v.step === 'ESCALATE') {
      need('note', 'problems.explanationRequired');
      need('owner', 'errors.required');
      need('deadline', 'errors.required');
      if (v.owner === 'DEPARTMENT') need('ownerUnitId', 'problems.departmentRequired');
    }
    if (v.step === 'RETURN' || v.step === 'REOPEN') need('note', 'problems.reasonRequired');
  });
