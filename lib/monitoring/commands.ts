// Writes of the monitoring: compute the early warnings (the county office's button and the daily job),
// enter a household under monitoring, verify or dismiss a warning, move a measure, close a risk (风险消除).
// Each runs in the caller's transaction and finds its records inside the viewer's area.
import 'server-only';
import type { z } from 'zod';
import type { Viewer } from '@/lib/auth/data';
import type { CommandContext, CommandOutcome } from '@/lib/command';
import { execute, rows, type Tx } from '@/lib/db';
import type { HouseholdStatus } from '@/lib/enums';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import { POOR_STATUSES, perCapitaIncome } from '@/lib/households/rules';
import { measuresOfForm } from '@/lib/plans/rules';
import { policiesFor } from '@/lib/policy/data';
import { scope } from '@/lib/regions/scope';
import { chinaToday, dayOf, isoDay } from '@/lib/time';
import { closeProblem, type RiskEvent, verifyBy, type WarningDraft, warningsOf } from './rules';
import {
  type addMonitoredSchema,
  causesOf,
  type closeRiskSchema,
  type dismissWarningSchema,
  type runWarningsSchema,
  type setMonitorMeasureSchema,
  type verifyWarningSchema,
} from './schema';
import { lockHousehold, warningSources, warningsLock } from './sql';

type Context<S extends z.ZodType> = CommandContext<z.output<S>>;

/**
 * Computes the early warnings of the households under `prefix` as of `today` and stores the new ones:
 * one per household, cause and year, so running it again adds nothing (idempotent). The paired cadre and
 * the township see them, to verify by the policy's number of days.
 */
export async function raiseWarnings(
  tx: Tx,
  prefix: string,
  today: string,
): Promise<{ raised: number; checked: number }> {
  await execute(tx, warningsLock());
  const year = Number(today.slice(0, 4));
  const sources = await rows(tx, warningSources(prefix, year, POOR_STATUSES));
  const policyOf = await policiesFor(
    sources.map((s) => s.region_code),
    year,
  );
  const drafts: (WarningDraft & { regionCode: string; cadreId: number | null; dueOn: string })[] = [];
  for (const s of sources) {
    const incomeByYear = new Map<number, number>();
    for (const i of s.incomes) {
      const perCapita = perCapitaIncome(
        { wageYuan: i.total, productionYuan: 0, propertyYuan: 0, transferYuan: 0 },
        s.member_count,
      );
      if (perCapita !== null) incomeByYear.set(i.year, perCapita);
    }
    const policy = policyOf(s.region_code);
    const found = warningsOf(
      {
        householdId: s.id,
        status: s.status as HouseholdStatus,
        monitored: s.monitored,
        incomeByYear,
        events: s.events.map((e) => ({
          event: e.event as RiskEvent,
          day: e.day,
          ...(e.visit_id !== null ? { visitId: BigInt(e.visit_id) } : { problemId: e.problem_id ?? undefined }),
        })),
      },
      year,
      policy,
    );
    for (const d of found)
      drafts.push({ ...d, regionCode: s.region_code, cadreId: s.cadre_id, dueOn: verifyBy(today, policy) });
  }
  if (drafts.length === 0) return { raised: 0, checked: sources.length };
  const { count } = await tx.riskWarning.createMany({
    data: drafts.map((d) => ({
      householdId: d.householdId,
      regionCode: d.regionCode,
      year: d.year,
      cause: d.cause,
      detail: JSON.stringify(d.detail),
      visitId: d.visitId ?? null,
      problemId: d.problemId ?? null,
      cadreId: d.cadreId,
      raisedOn: dayOf(today),
      dueOn: dayOf(d.dueOn),
    })),
    skipDuplicates: true,
  });
  return { raised: count, checked: sources.length };
}

/** The county office's button: the warnings of its area now (the daily job does the same for every county). */
export async function runWarnings({ viewer, tx }: Context<typeof runWarningsSchema>): Promise<CommandOutcome> {
  const { raised, checked } = await raiseWarnings(tx, viewer.scopeCode, chinaToday());
  return {
    entity: 'RiskWarning',
    regionCode: viewer.scopeCode,
    changes: { raised, checked },
    message: 'monitoring.warningsComputed',
    data: { raised: String(raised), checked: String(checked) },
  };
}

/** The responsible cadre: the one named (a cadre of the area), else the household's paired cadre. */
async function responsibleCadre(tx: Tx, viewer: Viewer, householdId: number, cadreId: number | undefined) {
  if (cadreId !== undefined) {
    const cadre = await tx.cadre.findFirst({ where: { id: cadreId, active: true, ...scope.cadre(viewer) } });
    if (!cadre) throw new RefusedError('monitoring.cadreNotFound', 'cadreId');
    return cadre.id;
  }
  const pairing = await tx.pairing.findFirst({
    where: { householdId, endedOn: null },
    orderBy: { id: 'desc' },
    select: { cadreId: true },
  });
  if (!pairing) throw new RefusedError('monitoring.needsCadre', 'cadreId');
  return pairing.cadreId;
}

type MonitoredInput = z.output<typeof addMonitoredSchema>;

/** Writes a monitored household with its measures; refuses a household already under open monitoring. */
async function createMonitored(
  tx: Tx,
  viewer: Viewer,
  household: { id: number; regionCode: string },
  input: Omit<MonitoredInput, 'householdId' | 'startedOn'> & { startedOn: string },
  source: 'TOWNSHIP' | 'WARNING',
  extraCause?: string,
) {
  // Lock the household row: two entries at once cannot both pass the "already monitored" check.
  await execute(tx, lockHousehold(household.id));
  const open = await tx.monitoredHousehold.findFirst({ where: { householdId: household.id, closedOn: null } });
  if (open) throw new RefusedError('monitoring.alreadyMonitored', 'kind');
  const causes = causesOf(input);
  if (extraCause && !causes.includes(extraCause as (typeof causes)[number]))
    causes.unshift(extraCause as (typeof causes)[number]);
  if (causes.length === 0) throw new RefusedError('monitoring.needsCause', 'cause_LOW_INCOME');
  const { measures, amountWithoutTarget } = measuresOfForm(input);
  if (amountWithoutTarget) throw new RefusedError('plans.amountNeedsTarget', `target_${amountWithoutTarget}`);
  if (measures.length === 0) throw new RefusedError('monitoring.needsMeasure', 'target_INDUSTRY');
  if (input.startedOn > chinaToday()) throw new RefusedError('monitoring.startInFuture', 'startedOn');
  const cadreId = await responsibleCadre(tx, viewer, household.id, input.cadreId);
  return tx.monitoredHousehold.create({
    data: {
      householdId: household.id,
      regionCode: household.regionCode,
      kind: input.kind,
      causes,
      cadreId,
      source,
      note: input.note ?? null,
      startedOn: dayOf(input.startedOn),
      enteredById: viewer.userId,
      enteredByName: viewer.displayName,
      measures: { create: measures },
    },
  });
}

/** The township (or county) enters a household under monitoring. */
export async function addMonitored({ viewer, input, tx }: Context<typeof addMonitoredSchema>): Promise<CommandOutcome> {
  const household = await tx.household.findFirst({ where: { id: input.householdId, ...scope.household(viewer) } });
  if (!household) throw new NotFoundError();
  const monitored = await createMonitored(
    tx,
    viewer,
    household,
    { ...input, startedOn: input.startedOn ?? chinaToday() },
    'TOWNSHIP',
  );
  return {
    entity: 'MonitoredHousehold',
    entityId: monitored.id,
    regionCode: household.regionCode,
    changes: {
      householdId: household.id,
      kind: monitored.kind,
      causes: monitored.causes.join(','),
      cadreId: monitored.cadreId,
    },
    message: 'monitoring.added',
    redirectTo: `/monitoring/${monitored.id}`,
  };
}

async function openWarning(tx: Tx, viewer: Viewer, id: number, version: number) {
  const warning = await tx.riskWarning.findFirst({ where: { id, household: scope.household(viewer) } });
  if (!warning) throw new NotFoundError();
  if (warning.status !== 'OPEN') throw new RefusedError('monitoring.warningClosed');
  const updated = await tx.riskWarning.updateMany({ where: { id, version }, data: { version: { increment: 1 } } });
  if (updated.count === 0) throw new ConflictError();
  return warning;
}

/** A warning verified: the household is monitored from today with the measures and cadre given. */
export async function verifyWarning({
  viewer,
  input,
  tx,
}: Context<typeof verifyWarningSchema>): Promise<CommandOutcome> {
  const warning = await openWarning(tx, viewer, input.warningId, input.version);
  const today = chinaToday();
  const monitored = await createMonitored(
    tx,
    viewer,
    { id: warning.householdId, regionCode: warning.regionCode },
    { ...input, startedOn: today },
    'WARNING',
    warning.cause,
  );
  await tx.riskWarning.update({
    where: { id: warning.id },
    data: {
      status: 'VERIFIED',
      resolvedOn: dayOf(today),
      resolvedById: viewer.userId,
      resolvedByName: viewer.displayName,
      monitoredId: monitored.id,
    },
  });
  return {
    entity: 'RiskWarning',
    entityId: warning.id,
    regionCode: warning.regionCode,
    changes: { status: ['OPEN', 'VERIFIED'], monitoredId: monitored.id, kind: monitored.kind },
    message: 'monitoring.verified',
    redirectTo: `/monitoring/${monitored.id}`,
  };
}

/** A warning dismissed after checking, with the reason. */
export async function dismissWarning({
  viewer,
  input,
  tx,
}: Context<typeof dismissWarningSchema>): Promise<CommandOutcome> {
  const warning = await openWarning(tx, viewer, input.warningId, input.version);
  await tx.riskWarning.update({
    where: { id: warning.id },
    data: {
      status: 'DISMISSED',
      resolvedOn: dayOf(chinaToday()),
      resolvedById: viewer.userId,
      resolvedByName: viewer.displayName,
      reason: input.reason,
    },
  });
  return {
    entity: 'RiskWarning',
    entityId: warning.id,
    regionCode: warning.regionCode,
    changes: { status: ['OPEN', 'DISMISSED'], reason: input.reason },
    message: 'monitoring.dismissed',
    redirectTo: '/monitoring',
  };
}

/** 风险消除: closed only on a verification by a named person on a day from the start up to today. */
export async function closeRisk({ viewer, input, tx }: Context<typeof closeRiskSchema>): Promise<CommandOutcome> {
  const monitored = await tx.monitoredHousehold.findFirst({
    where: { id: input.monitoredId, household: scope.household(viewer) },
  });
  if (!monitored) throw new NotFoundError();
  if (monitored.closedOn) throw new RefusedError('monitoring.alreadyClosed');
  const problem = closeProblem(isoDay(monitored.startedOn), input.verifiedOn, chinaToday());
  if (problem === 'future') throw new RefusedError('monitoring.verifiedInFuture', 'verifiedOn');
  if (problem === 'beforeStart') throw new RefusedError('monitoring.verifiedBeforeStart', 'verifiedOn');
  const updated = await tx.monitoredHousehold.updateMany({
    where: { id: monitored.id, version: input.version, closedOn: null },
    data: {
      closedOn: dayOf(input.verifiedOn),
      closedVerifiedBy: input.verifiedBy,
      closedNote: input.note,
      closedById: viewer.userId,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) throw new ConflictError();
  return {
    entity: 'MonitoredHousehold',
    entityId: monitored.id,
    regionCode: monitored.regionCode,
    changes: { closedOn: input.verifiedOn, verifiedBy: input.verifiedBy },
    message: 'monitoring.closed',
  };
}

/** Moves one measure of a monitored household in the viewer's area. */
export async function setMonitorMeasure({
  viewer,
  input,
  tx,
}: Context<typeof setMonitorMeasureSchema>): Promise<CommandOutcome> {
  const measure = await tx.monitorMeasure.findFirst({
    where: { id: input.measureId, monitored: { household: scope.household(viewer) } },
    include: { monitored: { select: { id: true, regionCode: true, closedOn: true } } },
  });
  if (!measure) throw new NotFoundError();
  if (measure.monitored.closedOn) throw new RefusedError('monitoring.alreadyClosed');
  await tx.monitorMeasure.update({ where: { id: measure.id }, data: { status: input.status } });
  await tx.monitoredHousehold.update({ where: { id: measure.monitored.id }, data: { version: { increment: 1 } } });
  return {
    entity: 'MonitorMeasure',
    entityId: measure.id,
    regionCode: measure.monitored.regionCode,
    changes: { status: [measure.status, input.status] },
    message: 'plans.measureSaved',
  };
}
