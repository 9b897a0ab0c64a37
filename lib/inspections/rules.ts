// Oversight rules, pure: the random draw of an unannounced inspection, the attendance discrepancy,
// and the year-end assessment score.

import type { DayKind } from '@/lib/enums';
import { type PolicyValues, scoreBand } from '@/lib/policy/rules';

// ─────────────────────────── The draw ───────────────────────────
// Anyone holding the seed and the candidates (in code / id order) can repeat a draw and get the same
// villages and households: a 32-bit FNV-1a hash seeds a mulberry32 generator, and a partial
// Fisher–Yates shuffle takes the first n, so every candidate is equally likely.

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` items drawn without replacement from `items`, the same for the same seed and items. */
export function drawSample<T>(items: readonly T[], count: number, seed: string): T[] {
  const random = mulberry32(fnv1a(seed));
  const pool = [...items];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

export type DrawnVillage = { villageCode: string; householdIds: number[]; candidateHouseholds: number };

/**
 * Villages drawn from the candidates (sorted by code), then households within each drawn village
 * (sorted by id) with the seed and the village code, so each village's draw stands on its own.
 */
export function drawInspection(input: {
  seed: string;
  villages: readonly string[];
  householdsOf: (villageCode: string) => readonly number[];
  villageCount: number;
  householdsPerVillage: number;
}): DrawnVillage[] {
  const villages = drawSample([...input.villages].sort(), input.villageCount, input.seed);
  return villages.map((villageCode) => {
    const candidates = [...input.householdsOf(villageCode)].sort((a, b) => a - b);
    return {
      villageCode,
      candidateHouseholds: candidates.length,
      householdIds: drawSample(candidates, input.householdsPerVillage, `${input.seed}:${villageCode}`).sort(
        (a, b) => a - b,
      ),
    };
  });
}

// ─────────────────────────── Discrepancy ───────────────────────────

const PRESENT_KINDS: readonly DayKind[] = ['IN_VILLAGE', 'OVERNIGHT'];

/** Found absent on a day the attendance claims presence (到村 or 驻村): a discrepancy on that record. */
export function isDiscrepancy(present: boolean, claimed: DayKind | null | undefined): boolean {
  return !present && !!claimed && PRESENT_KINDS.includes(claimed);
}

// ─────────────────────────── Assessment ───────────────────────────

/** The additive counts an assessment is computed from (a team's village, or a township's sum). */
export type AssessmentCounts = {
  members: number;
  membersOnTrack: number;
  cadreVisitsDue: number;
  cadreVisitsDone: number;
  teamVisitsDue: number;
  teamVisitsDone: number;
  mustPair: number;
  paired: number;
  /** Problems found in the year assessed, and of those the ones struck off (not the ledger's all-time totals). */
  yearProblemsFound: number;
  yearProblemsStruckOff: number;
  inspections: number;
  findings: number;
  discrepancies: number;
  householdChecks: number;
  householdsSatisfied: number;
};

export const INDICATORS = ['attendance', 'visits', 'pairing', 'rectification', 'inspection', 'satisfaction'] as const;
export type Indicator = (typeof INDICATORS)[number];
type Weights = Pick<
  PolicyValues,
  | 'weightAttendance'
  | 'weightVisits'
  | 'weightPairing'
  | 'weightRectification'
  | 'weightInspection'
  | 'weightSatisfaction'
>;

/** A share of what was due; nothing due is not assessed (null), never full marks (issue 18). */
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Each inspection finding takes a tenth of the inspection indicator, each discrepancy a fifth; none left below zero. */
export const FINDING_PENALTY = 0.1;
export const DISCREPANCY_PENALTY = 0.2;

/**
 * Each indicator as a share from 0 to 1, or null where the area is not assessed on it: no member posted,
 * nothing to visit, pair or fix, never inspected, no household asked.
 */
export function indicatorsOf(c: AssessmentCounts): Record<Indicator, number | null> {
  return {
    attendance: share(c.membersOnTrack, c.members),
    visits: share(c.cadreVisitsDone + c.teamVisitsDone, c.cadreVisitsDue + c.teamVisitsDue),
    pairing: share(c.paired, c.mustPair),
    rectification: share(c.yearProblemsStruckOff, c.yearProblemsFound),
    inspection:
      c.inspections === 0
        ? null
        : Math.max(0, 1 - FINDING_PENALTY * c.findings - DISCREPANCY_PENALTY * c.discrepancies),
    satisfaction: share(c.householdsSatisfied, c.householdChecks),
  };
}

export type Band = ReturnType<typeof scoreBand> | 'NOT_ASSESSED';

/**
 * The score out of 100 over the indicators assessed, their weights scaled up to 100 (an indicator not
 * assessed neither gives nor takes marks); none assessed: no score. Shown with one decimal (rounded half
 * up); the band is read from the unrounded score, so 89.95 shows as 90.0 and is 较好, not 好 (issue 18).
 */
export function assessmentScore(
  c: AssessmentCounts,
  policy: Weights & Pick<PolicyValues, 'scoreGood' | 'scoreFairlyGood' | 'scoreFair'>,
): { indicators: Record<Indicator, number | null>; raw: number | null; score: number | null; band: Band } {
  const indicators = indicatorsOf(c);
  const weights: Record<Indicator, number> = {
    attendance: policy.weightAttendance,
    visits: policy.weightVisits,
    pairing: policy.weightPairing,
    rectification: policy.weightRectification,
    inspection: policy.weightInspection,
    satisfaction: policy.weightSatisfaction,
  };
  const assessed = INDICATORS.filter((key) => indicators[key] !== null);
  const weight = assessed.reduce((sum, key) => sum + weights[key], 0);
  if (weight === 0) return { indicators, raw: null, score: null, band: 'NOT_ASSESSED' };
  const raw = (100 * assessed.reduce((sum, key) => sum + weights[key] * (indicators[key] ?? 0), 0)) / weight;
  const score = Math.round(raw * 10 + 1e-9) / 10;
  return { indicators, raw, score, band: scoreBand(raw, policy) };
}

// ─────────────────────────── Pace of oversight ───────────────────────────

/**
 * One period of the oversight calendar: done (as many as the policy asks, by the day the inspection was
 * done), missed (over without them), due (the period now, not yet done), or to come.
 */
export type PaceState = 'done' | 'missed' | 'due' | 'later';
export type PacePeriod = { label: number; from: string; to: string; done: number; planned: number; state: PaceState };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The year's months (12) or quarters (4) as inclusive ISO date ranges. */
export function periodsOf(year: number, months: 1 | 3): { label: number; from: string; to: string }[] {
  return Array.from({ length: 12 / months }, (_, i) => {
    const first = i * months + 1;
    const last = first + months - 1;
    return { label: i + 1, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
  });
}

/**
 * The pace of one kind of inspection over a year's periods (seed 000: "每月1次明察暗访、每季度1次集中督查、
 * 派出单位每季度1次回访"): a period counts the inspections done in it (done_on) against `perPeriod`; one
 * planned but not done does not count.
 */
export function paceOf(
  periods: { label: number; from: string; to: string }[],
  inspections: readonly { doneOn: string | null; plannedOn: string }[],
  perPeriod: number,
  today: string,
): PacePeriod[] {
  return periods.map((period) => {
    const within = (day: string | null) => day !== null && day >= period.from && day <= period.to;
    const done = inspections.filter((i) => within(i.doneOn)).length;
    const planned = inspections.filter((i) => i.doneOn === null && within(i.plannedOn)).length;
    const state: PaceState =
      done >= perPeriod ? 'done' : period.to < today ? 'missed' : period.from <= today ? 'due' : 'later';
    return { ...period, done, planned, state };
  });
}
