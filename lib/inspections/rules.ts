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

// ─────────────────────────── Consequences (考核结果运用) ───────────────────────────

/**
 * What a band brings (seed 001): 一般 a notice of criticism, an admonishing talk with the principal leaders and a
 * written report (CRITICISM); 较差, or 一般 two years running, the leadership rated 较差 and reorganised (ADJUSTMENT).
 */
export type Consequence = 'NONE' | 'CRITICISM' | 'ADJUSTMENT';
export type Outcome = {
  /** 优秀班子: about `excellentSharePercent` of those assessed, from those rated 好, by score. */
  excellent: boolean;
  prize: 1 | 2 | 3 | null;
  prizeYuan: number;
  consequence: Consequence;
  /** 一般 this year and the year before: counted as 较差. */
  twoYearsFair: boolean;
};

type OutcomePolicy = Pick<
  PolicyValues,
  'excellentSharePercent' | 'prizeFirstCount' | 'prizeSecondCount' | 'prizeThirdCount'
>;

/**
 * Outcomes for areas in rank order (best first). Only those rated 好 are rated excellent or win a prize, the
 * first `prizeFirstCount` the first prize and so on; `amounts` are the yuan of the three prizes. With
 * `excellentSharePercent` null nobody is rated excellent (dispatching units have prizes only).
 */
export function outcomesOf(
  ranked: readonly { code: string; band: Band }[],
  previous: ReadonlyMap<string, Band>,
  policy: OutcomePolicy,
  amounts: readonly [number, number, number],
  excellentShare: number | null,
): Map<string, Outcome> {
  const assessed = ranked.filter((r) => r.band !== 'NOT_ASSESSED').length;
  const excellentCount = excellentShare === null ? 0 : Math.round((assessed * excellentShare) / 100);
  const limits = [policy.prizeFirstCount, policy.prizeFirstCount + policy.prizeSecondCount];
  const prizes = limits[1] + policy.prizeThirdCount;
  const out = new Map<string, Outcome>();
  let good = 0;
  for (const row of ranked) {
    const place = row.band === 'GOOD' ? good++ : null;
    const prize = place === null || place >= prizes ? null : place < limits[0] ? 1 : place < limits[1] ? 2 : 3;
    const twoYearsFair = row.band === 'FAIR' && previous.get(row.code) === 'FAIR';
    out.set(row.code, {
      excellent: place !== null && place < excellentCount,
      prize,
      prizeYuan: prize === null ? 0 : amounts[prize - 1],
      consequence: row.band === 'POOR' || twoYearsFair ? 'ADJUSTMENT' : row.band === 'FAIR' ? 'CRITICISM' : 'NONE',
      twoYearsFair,
    });
  }
  return out;
}

/** What an outcome says, as message keys of `inspections.outcomes` (the page and the export word it alike). */
export function outcomeLines(o: Outcome): { key: string; params?: Record<string, number> }[] {
  const lines: { key: string; params?: Record<string, number> }[] = [];
  if (o.excellent) lines.push({ key: 'excellent' });
  if (o.prize) lines.push({ key: 'prize', params: { prize: o.prize, yuan: o.prizeYuan } });
  if (o.consequence === 'CRITICISM') lines.push({ key: 'criticism' });
  if (o.consequence === 'ADJUSTMENT') lines.push({ key: o.twoYearsFair ? 'adjustmentTwoYears' : 'adjustment' });
  return lines;
}

/**
 * A dispatching unit's score: the mean score of the teams it posts people to, and the share of quarters
 * with its return visit done (seed 000: 派出单位每季度1次回访), weighted by the county's policy. Either
 * part missing leaves the other; neither: not assessed.
 */
export function unitScore(
  teamScores: readonly number[],
  returnVisits: { done: number; due: number },
  policy: Pick<
    PolicyValues,
    'weightUnitTeams' | 'weightUnitReturnVisits' | 'scoreGood' | 'scoreFairlyGood' | 'scoreFair'
  >,
): { raw: number | null; score: number | null; band: Band; teams: number | null; returnShare: number | null } {
  const teams = teamScores.length ? teamScores.reduce((a, b) => a + b, 0) / teamScores.length : null;
  const returnShare = returnVisits.due ? Math.min(1, returnVisits.done / returnVisits.due) : null;
  const parts: [number, number][] = [];
  if (teams !== null) parts.push([policy.weightUnitTeams, teams]);
  if (returnShare !== null) parts.push([policy.weightUnitReturnVisits, 100 * returnShare]);
  const weight = parts.reduce((sum, [w]) => sum + w, 0);
  if (weight === 0) return { raw: null, score: null, band: 'NOT_ASSESSED', teams, returnShare };
  const raw = parts.reduce((sum, [w, v]) => sum + w * v, 0) / weight;
  return { raw, score: Math.round(raw * 10 + 1e-9) / 10, band: scoreBand(raw, policy), teams, returnShare };
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
