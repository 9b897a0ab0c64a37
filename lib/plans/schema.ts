// The help plan's inputs: an income target, the day agreed, and per measure kind a target, a yuan amount
// where it has one and a status (target_KIND, amount_KIND, status_KIND; a kind with a target is taken).
import { z } from 'zod';
import { integer, optionalInteger, optionalIsoDate, optionalText, recordId } from '@/lib/validation';
import { MAX_INCOME_TARGET, MAX_MEASURE_TARGET, MEASURE_KINDS, MEASURE_STATUSES, type MeasureKind } from './rules';

export const measureStatus = z.enum(MEASURE_STATUSES, { error: 'errors.invalid' });
const optionalStatus = z.preprocess((v) => (v === '' ? undefined : v), measureStatus.optional());

/** The per-kind measure fields a plan form and a monitoring form share. */
export const measureFields = Object.fromEntries(
  MEASURE_KINDS.flatMap((kind) => [
    [`target_${kind}`, optionalText(MAX_MEASURE_TARGET)],
    [`amount_${kind}`, optionalInteger(0, 100_000_000)],
    [`status_${kind}`, optionalStatus],
  ]),
) as Record<`target_${MeasureKind}`, ReturnType<typeof optionalText>> &
  Record<`amount_${MeasureKind}`, ReturnType<typeof optionalInteger>> &
  Record<`status_${MeasureKind}`, typeof optionalStatus>;

export const savePlanSchema = z.strictObject({
  householdId: recordId,
  version: optionalInteger(1, 2_147_483_647),
  incomeTargetYuan: integer(0, MAX_INCOME_TARGET),
  agreedOn: optionalIsoDate,
  ...measureFields,
});

/** One measure's progress (planned → in progress → done, or back). */
export const setMeasureStatusSchema = z.strictObject({ measureId: recordId, status: measureStatus });
