// The monitoring's inputs. Risk causes come as one checkbox per cause (cause_LOW_INCOME …); measures as
// the help plan's per-kind fields (lib/plans/schema.ts measureFields).
import { z } from 'zod';
import { measureFields, measureStatus } from '@/lib/plans/schema';
import {
  checkbox,
  isoDate,
  optionalIsoDate,
  optionalRecordId,
  optionalText,
  recordId,
  text,
  version,
} from '@/lib/validation';
import { MONITOR_KINDS, RISK_CAUSES, type RiskCause } from './rules';

const kind = z.enum(MONITOR_KINDS, { error: 'errors.invalid' });
const causeFields = Object.fromEntries(RISK_CAUSES.map((c) => [`cause_${c}`, checkbox])) as Record<
  `cause_${RiskCause}`,
  typeof checkbox
>;

/** The causes ticked in a form. */
export function causesOf(input: Partial<Record<`cause_${RiskCause}`, boolean>>): RiskCause[] {
  return RISK_CAUSES.filter((c) => input[`cause_${c}`]);
}

/** What a monitored household is entered with: kind, causes, cadre (default the paired one), note, measures. */
const monitoredFields = {
  kind,
  cadreId: optionalRecordId,
  note: optionalText(500),
  ...causeFields,
  ...measureFields,
};

/** The township enters a household under monitoring. */
export const addMonitoredSchema = z.strictObject({
  householdId: recordId,
  startedOn: optionalIsoDate,
  ...monitoredFields,
});

/** A warning verified: the household becomes monitored (its cause among the causes). */
export const verifyWarningSchema = z.strictObject({ warningId: recordId, version, ...monitoredFields });

/** A warning dismissed, with the reason. */
export const dismissWarningSchema = z.strictObject({ warningId: recordId, version, reason: text(500) });

/** 风险消除: closed on a named person's verification on a date. */
export const closeRiskSchema = z.strictObject({
  monitoredId: recordId,
  version,
  verifiedBy: text(40),
  verifiedOn: isoDate,
  note: text(500),
});

export const setMonitorMeasureSchema = z.strictObject({ measureId: recordId, status: measureStatus });

/** Compute the warnings of the viewer's area now. */
export const runWarningsSchema = z.strictObject({});
