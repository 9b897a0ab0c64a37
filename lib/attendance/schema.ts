import { z } from 'zod';
import { AWAY_KINDS, DAY_KINDS } from '@/lib/enums';
import { isoDate, optionalClientKey, optionalNumber, optionalText, recordId } from '@/lib/validation';

/**
 * A check-in: the browser's fix when it gave one (latitude and longitude together or not at all), and
 * the moment of the tap as the phone's clock had it (the outbox may send it hours later; without it, the
 * arrival counts).
 */
export const checkInSchema = z
  .strictObject({
    latitude: optionalNumber(-90, 90),
    longitude: optionalNumber(-180, 180),
    accuracy: optionalNumber(0, 100_000),
    tappedAt: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z.iso.datetime({ offset: true, error: 'errors.invalid' }).optional(),
    ),
  })
  .refine((v) => (v.latitude === undefined) === (v.longitude === undefined), {
    error: 'attendance.locationIncomplete',
  });

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const month = z.string().regex(MONTH_PATTERN, { error: 'errors.invalid' });

/** The month grid: one kind (or CLEAR) for a run of days of one posting. */
export const setDaysSchema = z
  .strictObject({
    postingId: recordId,
    from: isoDate,
    to: isoDate,
    kind: z.enum([...DAY_KINDS, 'CLEAR'], { error: 'errors.invalidChoice' }),
    awayReason: optionalText(200),
    correctionReason: optionalText(200),
    /** The outbox's key: a resend of the same entry changes nothing (online forms send none). */
    clientKey: optionalClientKey,
  })
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'attendance.rangeBackwards' });
    if ((AWAY_KINDS as readonly string[]).includes(v.kind) && !v.awayReason)
      ctx.addIssue({ code: 'custom', path: ['awayReason'], message: 'attendance.awayReasonRequired' });
  });

export const signOffSchema = z.strictObject({ teamId: recordId, month });

/** Longest run of days one grid entry may set: a month. */
export const MAX_RANGE_DAYS = 31;
