// 一户一策一干部 (seed 001: "全面落实'一户一策一干部'要求……确定增收目标、增收项目和增收措施"):
// a help plan per household and China year, its responsible person the paired cadre, its measures of
// the kinds the seeds name (seed 002: 光伏、产业、就业、教育、健康、兜底、易地搬迁、危房改造).
// Monitored households (lib/monitoring) take measures of the same kinds.

export const MEASURE_KINDS = [
  'INDUSTRY',
  'EMPLOYMENT',
  'EDUCATION',
  'HEALTH',
  'SOCIAL_ASSISTANCE',
  'RELOCATION',
  'HOUSING',
  'PV',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** The longest measure target and the largest yearly income target a plan takes (the form and the roster alike). */
export const MAX_MEASURE_TARGET = 200;
export const MAX_INCOME_TARGET = 1_000_000;

export const MEASURE_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export type Measure = { kind: MeasureKind; target: string; amountYuan: number | null; status: MeasureStatus };

/** The form's per-kind fields (target_KIND, amount_KIND, status_KIND) as the measures taken: a kind with a target. */
export function measuresOfForm(input: Record<string, unknown>): {
  measures: Measure[];
  amountWithoutTarget: MeasureKind | null;
} {
  const measures: Measure[] = [];
  let amountWithoutTarget: MeasureKind | null = null;
  for (const kind of MEASURE_KINDS) {
    const target = input[`target_${kind}`] as string | undefined;
    const amount = input[`amount_${kind}`] as number | undefined;
    const status = (input[`status_${kind}`] as MeasureStatus | undefined) ?? 'PLANNED';
    if (target) measures.push({ kind, target, amountYuan: amount ?? null, status });
    else if (amount !== undefined && amountWithoutTarget === null) amountWithoutTarget = kind;
  }
  return { measures, amountWithoutTarget };
}

/** Yuan of the measures that carry an amount. */
export function measuresTotalYuan(measures: readonly Pick<Measure, 'amountYuan'>[]): number {
  return measures.reduce((sum, m) => sum + (m.amountYuan ?? 0), 0);
}

/** Measures done of all, for a plan's progress. */
export function measuresDone(measures: readonly Pick<Measure, 'status'>[]): { done: number; all: number } {
  return { done: measures.filter((m) => m.status === 'DONE').length, all: measures.length };
}
