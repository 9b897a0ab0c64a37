import { z } from 'zod';
import { VISIT_KINDS } from '@/lib/enums';
import { photoKeys, problemFields, riskEvent } from '@/lib/problems/schema';
import { clientKey, isoDate, optionalNumber, optionalText, recordId } from '@/lib/validation';

/** Problems opened from the visit form: a JSON list, as the form keeps them in its state. */
const problems = z.preprocess(
  (v) => {
    if (v === undefined || v === '') return [];
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  },
  z.array(z.strictObject(problemFields), { error: 'errors.invalid' }).max(20),
);

export const createVisitSchema = z
  .strictObject({
    /** Made by the phone before the first try: a retried submission is stored once. */
    clientKey,
    householdId: recordId,
    visitedOn: isoDate,
    kind: z.enum(VISIT_KINDS, { error: 'errors.invalidChoice' }),
    /** Required for a phone visit: phone visits are for locked-door households only (seed 000). */
    phoneReason: optionalText(200),
    metWith: optionalText(100),
    findings: optionalText(2000),
    helpDelivered: optionalText(2000),
    riskEvent,
    latitude: optionalNumber(-90, 90),
    longitude: optionalNumber(-180, 180),
    accuracy: optionalNumber(0, 100_000),
    photoKeys,
    problems,
  })
  .refine((v) => (v.latitude === undefined) === (v.longitude === undefined), {
    error: 'attendance.locationIncomplete',
  })
  // "对锁门户电话走访" (seed 000): a phone visit says why nobody could be met at home.
  .refine((v) => v.kind !== 'PHONE' || v.phoneReason !== undefined, {
    error: 'visits.phoneReasonRequired',
    path: ['phoneReason'],
  })
  .transform((v) => (v.kind === 'PHONE' ? v : { ...v, phoneReason: undefined }));
