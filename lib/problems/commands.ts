// The problem ledger's writes: opening a problem (also from a visit or an inspection, inside their
// transaction), claiming uploaded photos, each step of the workflow, and the rectification ledger's
// export with its audit row. Each command runs inside the caller's transaction and returns what it did
// for the audit row; lib/problems/actions.ts wires them to forms.
import 'server-only';
import type { z } from 'zod';
import { writeAuditNow } from '@/lib/audit/data';
import type { Viewer } from '@/lib/auth/data';
import { can } from '@/lib/auth/permissions';
import type { CommandContext, CommandOutcome } from '@/lib/command';
import { execute, type Tx } from '@/lib/db';
import type { ProblemCategory, ProblemSource, ProblemStatus, Urgency } from '@/lib/enums';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import { actorLevelOf } from '@/lib/households/rules';
import type { Locale } from '@/lib/i18n/locales';
import { translateKey } from '@/lib/i18n/messages';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { regionTrail } from '@/lib/regions/data';
import { isWithinScope } from '@/lib/regions/rules';
import { scope } from '@/lib/regions/scope';
import { chinaToday, dateOfDayNumber, dayNumber, dayOf } from '@/lib/time';
import { rectificationRows } from './data';
import { filterParams, type ProblemFilters } from './filters';
import { checkStep, deadlineDays, type RiskEvent } from './rules';
import type { openProblemSchema, problemStepSchema } from './schema';
import { LEDGER_COLUMNS, type LedgerColumn, rectificationLedgerXlsx } from './sheet';
import { lockProblem } from './sql';

type Context<S extends z.ZodType> = CommandContext<z.output<S>>;

// ─────────────────────────── Opening a problem ───────────────────────────

/**
 * Opens a problem with its deadline from the county's policy for the year it was found, and the OPEN
 * step. The problems domain's one way to open one: the problem form, a visit and an inspection's finding
 * call it inside their transaction (the caller's `tx`), never on its own.
 */
export async function insertProblem(
  tx: Tx,
  viewer: Viewer,
  problem: {
    regionCode: string;
    householdId: number | null;
    visitId: bigint | null;
    source: ProblemSource;
    category: ProblemCategory;
    urgency: Urgency;
    description: string;
    foundOn: string;
    riskEvent?: RiskEvent | null;
  },
) {
  const year = Number(problem.foundOn.slice(0, 4));
  const policy =
    (await tx.policy.findUnique({
      where: { countyCode_year: { countyCode: problem.regionCode.slice(0, 6), year } },
    })) ?? DEFAULT_POLICY;
  const deadline = dateOfDayNumber(dayNumber(problem.foundOn) + deadlineDays(problem.urgency, policy));
  const row = await tx.problem.create({
    data: {
      regionCode: problem.regionCode,
      householdId: problem.householdId,
      visitId: problem.visitId,
      source: problem.source,
      category: problem.category,
      urgency: problem.urgency,
      description: problem.description,
      riskEvent: problem.riskEvent ?? null,
      deadline: dayOf(deadline),
      foundOn: dayOf(problem.foundOn),
      createdById: viewer.userId,
      steps: {
        create: {
          kind: 'OPEN',
          toStatus: 'OPEN',
          userId: viewer.userId,
          userName: viewer.displayName,
          deadline: dayOf(deadline),
        },
      },
    },
  });
  return { id: row.id, deadline };
}

/** Attaches the viewer's own unclaimed uploads to a visit, a problem step or a project step; anything else is refused. */
export async function claimPhotos(
  tx: Tx,
  viewer: Viewer,
  keys: readonly string[],
  owner: { visitId: bigint } | { stepId: bigint } | { projectStepId: bigint },
) {
  if (keys.length === 0) return;
  const claimed = await tx.attachment.updateMany({
    where: {
      storageKey: { in: [...keys] },
      uploadedBy: viewer.userId,
      visitId: null,
      stepId: null,
      projectStepId: null,
    },
    data: owner,
  });
  if (claimed.count !== keys.length) throw new RefusedError('problems.photoNotYours', 'photoKeys');
}

/** A problem reported outside a visit: of a household of the village, or of the village as a whole. */
export async function openProblem({ viewer, input, tx }: Context<typeof openProblemSchema>): Promise<CommandOutcome> {
  if (!isWithinScope(input.villageCode, viewer.scopeCode)) throw new NotFoundError();
  const village = await tx.region.findFirst({ where: { code: input.villageCode, level: 'VILLAGE' } });
  if (!village) throw new NotFoundError();
  if (input.householdId) {
    const household = await tx.household.findFirst({ where: { id: input.householdId, regionCode: village.code } });
    if (!household) throw new RefusedError('problems.householdNotInVillage', 'householdId');
  }
  const { id, deadline } = await insertProblem(tx, viewer, {
    regionCode: village.code,
    householdId: input.householdId ?? null,
    visitId: null,
    source: input.source,
    category: input.category,
    urgency: input.urgency,
    description: input.description,
    riskEvent: input.riskEvent ?? null,
    foundOn: chinaToday(),
  });
  return {
    entity: 'Problem',
    entityId: id,
    regionCode: village.code,
    changes: { category: input.category, urgency: input.urgency, source: input.source, deadline },
    message: 'problems.opened',
    redirectTo: `/problems/${id}`,
  };
}

// ─────────────────────────── The workflow ───────────────────────────

const REVIEW_STEPS = ['STRIKE_OFF', 'RETURN', 'REOPEN'];

/** Every step after opening: the rules say which may follow which, and who may take it. */
export async function problemStep({ viewer, input, tx }: Context<typeof problemStepSchema>): Promise<CommandOutcome> {
  const problem = await tx.problem.findFirst({ where: { id: input.problemId, ...scope.problem(viewer) } });
  if (!problem) throw new NotFoundError();
  if (input.clientKey) {
    // Sent from the outbox: a resend of a step already stored answers with it instead of a version conflict.
    await execute(tx, lockProblem(problem.id));
    const stored = await tx.problemStep.findUnique({ where: { clientKey: input.clientKey } });
    if (stored) {
      if (stored.userId !== viewer.userId || stored.problemId !== problem.id)
        throw new RefusedError('problems.keyTaken');
      return {
        entity: 'Problem',
        entityId: problem.id,
        regionCode: problem.regionCode,
        changes: { repeat: true, step: stored.kind, stepId: stored.id.toString() },
        message: 'problems.stepAlreadySaved',
        data: { stepId: stored.id.toString(), status: stored.toStatus },
      };
    }
  }
  const step = input.step as 'START' | 'SOLVE' | 'RETURN' | 'STRIKE_OFF' | 'ESCALATE' | 'REOPEN';
  if (REVIEW_STEPS.includes(step) && !can(viewer.role, 'problem.review')) throw new RefusedError('problems.officeOnly');
  const check = checkStep(
    step,
    problem.status,
    { userId: viewer.userId, level: actorLevelOf(viewer.scopeCode) },
    problem.solvedById,
  );
  if (!check.ok)
    throw new RefusedError(`problems.refused.${check.reason}`, undefined, {
      status: `problems.statuses.${problem.status}`,
    });
  const today = chinaToday();
  // The new deadline of an escalation (the schema requires it for that step).
  const deadline = step === 'ESCALATE' ? input.deadline : undefined;
  if (step === 'ESCALATE') {
    if (!deadline) throw new RefusedError('errors.required', 'deadline');
    if (deadline <= today) throw new RefusedError('problems.deadlinePast', 'deadline');
    if (input.owner === 'DEPARTMENT') {
      const unit = await tx.unit.findFirst({
        where: { id: input.ownerUnitId, countyCode: problem.regionCode.slice(0, 6), level: 'COUNTY' },
      });
      if (!unit) throw new RefusedError('errors.invalidChoice', 'ownerUnitId');
    }
  }
  const fields: Record<string, unknown> = { status: check.to };
  if (step === 'SOLVE') Object.assign(fields, { solvedById: viewer.userId, solvedOn: dayOf(today) });
  if (step === 'STRIKE_OFF') fields.struckOffOn = dayOf(today);
  if (step === 'RETURN' || step === 'REOPEN')
    Object.assign(fields, { solvedById: null, solvedOn: null, struckOffOn: null });
  if (deadline)
    Object.assign(fields, {
      owner: input.owner,
      ownerUnitId: input.owner === 'DEPARTMENT' ? input.ownerUnitId : null,
      deadline: dayOf(deadline),
    });
  const updated = await tx.problem.updateMany({
    where: { id: problem.id, version: input.version },
    data: { ...fields, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ConflictError();
  const row = await tx.problemStep.create({
    data: {
      problemId: problem.id,
      kind: step,
      fromStatus: problem.status,
      toStatus: check.to as ProblemStatus,
      userId: viewer.userId,
      userName: viewer.displayName,
      note: input.note ?? null,
      evidence: input.evidence ?? null,
      owner: step === 'ESCALATE' ? input.owner : null,
      ownerUnitId: step === 'ESCALATE' && input.owner === 'DEPARTMENT' ? input.ownerUnitId : null,
      deadline: deadline ? dayOf(deadline) : null,
      clientKey: input.clientKey ?? null,
    },
  });
  await claimPhotos(tx, viewer, input.photoKeys, { stepId: row.id });
  return {
    entity: 'Problem',
    entityId: problem.id,
    regionCode: problem.regionCode,
    changes: {
      step,
      status: { from: problem.status, to: check.to },
      note: input.note ?? null,
      ...(step === 'ESCALATE' ? { owner: input.owner, deadline: input.deadline } : {}),
    },
    message: `problems.stepDone.${step}`,
    data: { stepId: row.id.toString(), status: check.to },
  };
}

// ─────────────────────────── The rectification ledger (整改台账) ───────────────────────────

/**
 * The problems of the filters (those of the /problems page) as the rectification ledger's .xlsx, audited
 * as an export with the filters and the number of rows. 403 without problem.export.
 */
export async function exportRectificationLedger(
  viewer: Viewer,
  filters: ProblemFilters,
  locale: Locale,
  requestId?: string,
) {
  const ledger = await rectificationRows(viewer, filters);
  const t = (key: string, params?: Record<string, string | number>) => translateKey(locale, key, params);
  const trail = await regionTrail(viewer, ledger.area);
  const areaName = trail.map((r) => r.name).join('') || viewer.scopeName;
  const title = t('problems.sheetTitle', { area: areaName });
  const label = (prefix: string, value: string) => t(`problems.${prefix}.${value}`);
  const buffer = await rectificationLedgerXlsx({
    title,
    subtitle: t('problems.exportedOn', { date: ledger.today }),
    headers: Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, t(`problems.sheetColumns.${c}`)])) as Record<
      LedgerColumn,
      string
    >,
    rows: ledger.rows.map((r) => ({
      township: r.township,
      village: r.village,
      household: r.household || t('problems.villageLevel'),
      category: label('categories', r.category),
      description: r.description,
      source: label('sources', r.source),
      urgency: label('urgencies', r.urgency),
      foundOn: r.foundOn,
      deadline: r.deadline,
      owner: label('owners', r.owner),
      measure: r.measure,
      explanation: r.explanation,
      status: label('statuses', r.status),
      solvedOn: r.solvedOn,
      struckOffOn: r.struckOffOn,
      overdue: r.overdue ? t('problems.yes') : t('problems.no'),
      isOverdue: r.overdue,
    })),
  });
  await writeAuditNow(
    { userId: viewer.userId, username: viewer.username, role: viewer.role },
    {
      action: 'problem.exportLedger',
      result: 'OK',
      entity: 'Problem',
      regionCode: ledger.area,
      changes: {
        filters: Object.fromEntries(Object.entries(filterParams(filters)).filter(([, v]) => v !== undefined)) as Record<
          string,
          string
        >,
        rows: ledger.rows.length,
      },
      requestId,
    },
  );
  return {
    buffer,
    fileName: `${title}.xlsx`,
    asciiFileName: `rectification-ledger-${ledger.area}-${ledger.today}.xlsx`,
  };
}
