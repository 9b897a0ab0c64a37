// The projects domain's writes: the project library, its stages, money by voucher, audits, assets and their
// income, the county's yearly figures, the village mutual-aid funds and the ledgers as files (audited exports).
// Each command runs inside the caller's transaction, checks the area and the rules, and says what it did for the
// audit row.
import 'server-only';
import type { z } from 'zod';
import { writeAuditNow } from '@/lib/audit/data';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import type { CommandContext, CommandOutcome } from '@/lib/command';
import { execute, rows, type Tx } from '@/lib/db';
import { FUND_SOURCES } from '@/lib/enums';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import { actorLevelOf } from '@/lib/households/rules';
import type { Locale } from '@/lib/i18n/locales';
import { translateKey } from '@/lib/i18n/messages';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { claimPhotos } from '@/lib/problems/commands';
import { regionTrail } from '@/lib/regions/data';
import { isWithinScope } from '@/lib/regions/rules';
import { areaPrefix, scope } from '@/lib/regions/scope';
import { chinaDate, chinaToday, dateOfDayNumber, dayNumber, dayOf, isoDay } from '@/lib/time';
import { assetRows, listProjectsForExport, paymentRows } from './data';
import type { ProjectFilters } from './filters';
import { ASSET_STAGES, AUDIT_STAGES, checkMove, formatYuan, homeArea, PAYABLE_STAGES, type ProjectMove } from './rules';
import type {
  assetIncomeSchema,
  assetSchema,
  auditSchema,
  beneficiarySchema,
  fundYearSchema,
  mutualCapitalSchema,
  mutualLoanSchema,
  mutualRepaymentSchema,
  paymentSchema,
  projectStepSchema,
  proposeProjectSchema,
  removeBeneficiarySchema,
  reversalSchema,
  updateProjectSchema,
} from './schema';
import { ledgerXlsx } from './sheet';
import { fundsOf, lockProject, lockVillage, mutualBalance, voucherInCounty } from './sql';

type Context<S extends z.ZodType> = CommandContext<z.output<S>>;

const CLOSED_STAGES = ['CLOSED', 'REJECTED'];

/** The project in the viewer's area (by its home area), or 404. */
async function projectInScope(tx: Tx, viewer: Viewer, projectId: number) {
  const project = await tx.project.findFirst({ where: { id: projectId, ...scope.project(viewer) } });
  if (!project) throw new NotFoundError();
  return project;
}

/** A household of one of the project's villages, or a refusal beside the field. */
async function householdOfProject(tx: Tx, projectId: number, householdId: number) {
  const villages = await tx.projectVillage.findMany({ where: { projectId }, select: { villageCode: true } });
  const household = await tx.household.findFirst({
    where: { id: householdId, regionCode: { in: villages.map((v) => v.villageCode) } },
  });
  if (!household) throw new RefusedError('projects.householdNotInVillages', 'householdId');
  return household;
}

const policyOf = async (tx: Tx, countyCode: string, year: number) =>
  (await tx.policy.findUnique({ where: { countyCode_year: { countyCode, year } } })) ?? DEFAULT_POLICY;

// ─────────────────────────── The library and the stages ───────────────────────────

/** What a proposal names, checked: villages of one county in the viewer's area, its unit, its budget by source. */
async function checkProposal(tx: Tx, viewer: Viewer, input: z.output<typeof proposeProjectSchema>) {
  const codes = [...new Set(input.villageCodes)].sort();
  if (codes.some((code) => !isWithinScope(code, viewer.scopeCode))) throw new NotFoundError();
  const villages = await tx.region.count({ where: { code: { in: codes }, level: 'VILLAGE' } });
  if (villages !== codes.length) throw new RefusedError('errors.invalidChoice', 'villageCodes');
  const countyCode = codes[0].slice(0, 6);
  if (codes.some((code) => !code.startsWith(countyCode))) throw new RefusedError('projects.oneCounty', 'villageCodes');
  const unit = await tx.unit.findFirst({ where: { id: input.ownerUnitId, countyCode } });
  if (!unit) throw new RefusedError('errors.invalidChoice', 'ownerUnitId');
  if (Number(input.plannedEndOn.slice(0, 4)) < input.year)
    throw new RefusedError('projects.endBeforeYear', 'plannedEndOn');
  const funds = FUND_SOURCES.map((source) => ({ source, amountFen: input[`fund_${source}`] })).filter(
    (f) => f.amountFen > 0n,
  );
  const fields = {
    regionCode: homeArea(codes),
    year: input.year,
    name: input.name,
    kind: input.kind,
    description: input.description,
    ownerUnitId: unit.id,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    plannedEndOn: dayOf(input.plannedEndOn),
  };
  const changes = {
    name: input.name,
    kind: input.kind,
    year: input.year,
    villages: codes,
    funds: Object.fromEntries(funds.map((f) => [f.source, formatYuan(f.amountFen)])),
  };
  return { codes, funds, fields, changes };
}

/** A project into the library: its villages (one county, in the viewer's area), owner unit, budget by source. */
export async function proposeProject({
  viewer,
  input,
  tx,
}: Context<typeof proposeProjectSchema>): Promise<CommandOutcome> {
  const { codes, funds, fields, changes } = await checkProposal(tx, viewer, input);
  const project = await tx.project.create({
    data: {
      ...fields,
      createdById: viewer.userId,
      villages: { create: codes.map((villageCode) => ({ villageCode })) },
      funds: { create: funds },
      steps: { create: { kind: 'PROPOSE', toStage: 'PROPOSED', userId: viewer.userId, userName: viewer.displayName } },
    },
  });
  return {
    entity: 'Project',
    entityId: project.id,
    regionCode: fields.regionCode,
    changes,
    message: 'projects.proposed',
    redirectTo: `/projects/${project.id}`,
  };
}

/** A proposal changed while it waits for approval: its villages and budget replaced as entered. */
export async function updateProject({
  viewer,
  input,
  tx,
}: Context<typeof updateProjectSchema>): Promise<CommandOutcome> {
  const project = await projectInScope(tx, viewer, input.projectId);
  if (project.stage !== 'PROPOSED')
    throw new RefusedError('projects.refused.notEditable', undefined, { stage: `projects.stages.${project.stage}` });
  const { codes, funds, fields, changes } = await checkProposal(tx, viewer, input);
  const updated = await tx.project.updateMany({
    where: { id: project.id, version: input.version },
    data: { ...fields, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ConflictError();
  await tx.projectVillage.deleteMany({ where: { projectId: project.id } });
  await tx.projectVillage.createMany({ data: codes.map((villageCode) => ({ projectId: project.id, villageCode })) });
  await tx.projectFund.deleteMany({ where: { projectId: project.id } });
  await tx.projectFund.createMany({ data: funds.map((f) => ({ projectId: project.id, ...f })) });
  return {
    entity: 'Project',
    entityId: project.id,
    regionCode: fields.regionCode,
    changes,
    message: 'projects.updated',
    redirectTo: `/projects/${project.id}`,
  };
}

/** A step of the stages: the rules say which may follow which and who may take it. */
export async function projectStep({ viewer, input, tx }: Context<typeof projectStepSchema>): Promise<CommandOutcome> {
  const project = await projectInScope(tx, viewer, input.projectId);
  if (input.clientKey) {
    // Sent from the outbox: a resend of a step already stored answers with it instead of a version conflict.
    await execute(tx, lockProject(project.id));
    const stored = await tx.projectStep.findUnique({ where: { clientKey: input.clientKey } });
    if (stored) {
      if (stored.userId !== viewer.userId || stored.projectId !== project.id)
        throw new RefusedError('projects.keyTaken');
      return {
        entity: 'Project',
        entityId: project.id,
        regionCode: project.regionCode,
        changes: { repeat: true, step: stored.kind, stepId: stored.id.toString() },
        message: 'projects.stepAlreadySaved',
      };
    }
  }
  const step = input.step as ProjectMove;
  const [funds, audits, implementers] = await Promise.all([
    tx.projectFund.aggregate({ where: { projectId: project.id }, _sum: { amountFen: true } }),
    tx.projectAudit.count({ where: { projectId: project.id } }),
    tx.projectStep.findMany({
      where: { projectId: project.id, kind: { in: ['START', 'PROGRESS'] } },
      select: { userId: true },
    }),
  ]);
  const level = actorLevelOf(viewer.scopeCode);
  const today = chinaToday();
  const check = checkMove(
    step,
    {
      stage: project.stage,
      progressPercent: project.progressPercent,
      noticeEndOn: project.noticeEndOn ? isoDay(project.noticeEndOn) : null,
      budgetFen: funds._sum.amountFen ?? 0n,
      audits,
      implementerIds: implementers.map((s) => s.userId),
    },
    { userId: viewer.userId, level, county: level === 'COUNTY' && can(viewer.role, 'project.approve') },
    today,
    input.progressPercent,
  );
  if (!check.ok)
    throw new RefusedError(
      `projects.refused.${check.reason}`,
      check.reason === 'progressBack' ? 'progressPercent' : undefined,
      {
        stage: `projects.stages.${project.stage}`,
        progress: project.progressPercent,
        noticeEnd: project.noticeEndOn ? isoDay(project.noticeEndOn) : '',
      },
    );
  const fields: Record<string, unknown> = { stage: check.to };
  if (step === 'NOTICE') {
    const policy = await policyOf(tx, project.regionCode.slice(0, 6), Number(today.slice(0, 4)));
    fields.noticeStartOn = dayOf(today);
    fields.noticeEndOn = dayOf(dateOfDayNumber(dayNumber(today) + policy.projectNoticeDays - 1));
  }
  if (step === 'START') fields.progressPercent = input.progressPercent ?? 0;
  if (step === 'PROGRESS') fields.progressPercent = input.progressPercent;
  if (step === 'ACCEPT') fields.acceptedOn = dayOf(today);
  if (step === 'CLOSE') fields.closedOn = dayOf(today);
  const updated = await tx.project.updateMany({
    where: { id: project.id, version: input.version },
    data: { ...fields, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ConflictError();
  const row = await tx.projectStep.create({
    data: {
      projectId: project.id,
      clientKey: input.clientKey ?? null,
      kind: step,
      fromStage: project.stage,
      toStage: check.to,
      progressPercent: step === 'PROGRESS' || step === 'START' ? (input.progressPercent ?? 0) : null,
      note: input.note ?? null,
      userId: viewer.userId,
      userName: viewer.displayName,
    },
  });
  await claimPhotos(tx, viewer, input.photoKeys, { projectStepId: row.id });
  return {
    entity: 'Project',
    entityId: project.id,
    regionCode: project.regionCode,
    changes: {
      step,
      ...(input.photoKeys.length ? { photos: input.photoKeys.length } : {}),
      stage: { from: project.stage, to: check.to },
      ...(input.progressPercent !== undefined ? { progress: input.progressPercent } : {}),
      note: input.note ?? null,
    },
    message: `projects.stepDone.${step}`,
  };
}

/** A household that benefits, and how (带贫机制): a household of one of the project's villages. */
export async function addBeneficiary({
  viewer,
  input,
  tx,
}: Context<typeof beneficiarySchema>): Promise<CommandOutcome> {
  const project = await projectInScope(tx, viewer, input.projectId);
  if (CLOSED_STAGES.includes(project.stage)) throw new RefusedError('projects.refused.closed');
  const household = await householdOfProject(tx, project.id, input.householdId);
  const existing = await tx.projectBeneficiary.findUnique({
    where: { projectId_householdId: { projectId: project.id, householdId: household.id } },
  });
  if (existing) throw new RefusedError('projects.beneficiaryExists', 'householdId');
  await tx.projectBeneficiary.create({
    data: {
      projectId: project.id,
      householdId: household.id,
      villageCode: household.regionCode,
      mechanism: input.mechanism,
    },
  });
  return {
    entity: 'Project',
    entityId: project.id,
    regionCode: household.regionCode,
    changes: { householdId: household.id, mechanism: input.mechanism },
    message: 'projects.beneficiaryAdded',
  };
}

/** A household taken off the list (entered by mistake, or no longer benefiting) while the project is open. */
export async function removeBeneficiary({
  viewer,
  input,
  tx,
}: Context<typeof removeBeneficiarySchema>): Promise<CommandOutcome> {
  const project = await projectInScope(tx, viewer, input.projectId);
  if (CLOSED_STAGES.includes(project.stage)) throw new RefusedError('projects.refused.closed');
  const removed = await tx.projectBeneficiary.deleteMany({
    where: { projectId: project.id, householdId: input.householdId },
  });
  if (removed.count === 0) throw new NotFoundError();
  return {
    entity: 'Project',
    entityId: project.id,
    regionCode: project.regionCode,
    changes: { householdId: input.householdId, removed: true },
    message: 'projects.beneficiaryRemoved',
  };
}

// ─────────────────────────── Money ───────────────────────────

/**
 * A voucher paid out of one fund source: only once the project is approved (not dated before the approval),
 * never more than the source's approved amount, a voucher number once in the county.
 */
export async function recordPayment({ viewer, input, tx }: Context<typeof paymentSchema>): Promise<CommandOutcome> {
  const found = await projectInScope(tx, viewer, input.projectId);
  await execute(tx, lockProject(found.id)); // the sum below holds until this voucher is written
  const project = await tx.project.findUniqueOrThrow({ where: { id: found.id } });
  if (project.stage === 'PROPOSED' || project.stage === 'REJECTED')
    throw new RefusedError('projects.refused.payBeforeApproval');
  if (!PAYABLE_STAGES.includes(project.stage)) throw new RefusedError('projects.refused.closed');
  if (input.paidOn > chinaToday()) throw new RefusedError('projects.dateInFuture', 'paidOn');
  const approval = await tx.projectStep.findFirst({
    where: { projectId: project.id, kind: 'APPROVE' },
    orderBy: { id: 'desc' },
  });
  if (approval && input.paidOn < chinaDate(approval.createdAt))
    throw new RefusedError('projects.refused.payBeforeApproval', 'paidOn');
  const fund = (await rows(tx, fundsOf(project.id))).find((f) => f.source === input.source);
  if (!fund) throw new RefusedError('projects.noAllocation', 'source');
  const remaining = BigInt(fund.approved) - BigInt(fund.paid);
  if (input.amount > remaining)
    throw new RefusedError('projects.overBudget', 'amount', { remaining: formatYuan(remaining) });
  const countyCode = project.regionCode.slice(0, 6);
  if ((await rows(tx, voucherInCounty(countyCode, input.voucherNo))).length > 0)
    throw new RefusedError('projects.voucherUsed', 'voucherNo');
  const payment = await tx.projectPayment.create({
    data: {
      projectId: project.id,
      source: input.source,
      kind: input.kind,
      paidOn: dayOf(input.paidOn),
      amountFen: input.amount,
      voucherNo: input.voucherNo,
      payee: input.payee,
      createdById: viewer.userId,
    },
  });
  return {
    entity: 'ProjectPayment',
    entityId: payment.id,
    regionCode: project.regionCode,
    changes: {
      projectId: project.id,
      source: input.source,
      kind: input.kind,
      amount: formatYuan(input.amount),
      voucherNo: input.voucherNo,
      paidOn: input.paidOn,
    },
    message: 'projects.paymentSaved',
  };
}

/**
 * A voucher entered wrongly, reversed by a voucher of its own with the negative amount (红字冲销): the original
 * stays; a voucher is reversed once, a reversal never; only while money may still be paid.
 */
export async function reversePayment({ viewer, input, tx }: Context<typeof reversalSchema>): Promise<CommandOutcome> {
  const payment = await tx.projectPayment.findFirst({ where: { id: input.paymentId, project: scope.project(viewer) } });
  if (!payment) throw new NotFoundError();
  await execute(tx, lockProject(payment.projectId));
  const project = await tx.project.findUniqueOrThrow({ where: { id: payment.projectId } });
  if (!PAYABLE_STAGES.includes(project.stage)) throw new RefusedError('projects.refused.closed');
  if (payment.reversesId !== null) throw new RefusedError('projects.reversalNotReversible');
  if (await tx.projectPayment.findUnique({ where: { reversesId: payment.id } }))
    throw new RefusedError('projects.alreadyReversed');
  if (input.paidOn > chinaToday()) throw new RefusedError('projects.dateInFuture', 'paidOn');
  if (input.paidOn < isoDay(payment.paidOn)) throw new RefusedError('projects.reverseBeforePaid', 'paidOn');
  if ((await rows(tx, voucherInCounty(project.regionCode.slice(0, 6), input.voucherNo))).length > 0)
    throw new RefusedError('projects.voucherUsed', 'voucherNo');
  const reversal = await tx.projectPayment.create({
    data: {
      projectId: project.id,
      source: payment.source,
      kind: 'REVERSAL',
      paidOn: dayOf(input.paidOn),
      amountFen: -payment.amountFen,
      voucherNo: input.voucherNo,
      payee: payment.payee,
      reversesId: payment.id,
      reason: input.reason,
      createdById: viewer.userId,
    },
  });
  return {
    entity: 'ProjectPayment',
    entityId: reversal.id,
    regionCode: project.regionCode,
    changes: {
      projectId: project.id,
      reverses: payment.voucherNo,
      amount: formatYuan(-payment.amountFen),
      voucherNo: input.voucherNo,
      reason: input.reason,
    },
    message: 'projects.paymentReversed',
  };
}

/** An audit of the project, once its work is accepted. */
export async function recordAudit({ viewer, input, tx }: Context<typeof auditSchema>): Promise<CommandOutcome> {
  const project = await projectInScope(tx, viewer, input.projectId);
  if (!AUDIT_STAGES.includes(project.stage))
    throw new RefusedError('projects.refused.auditStage', undefined, { stage: `projects.stages.${project.stage}` });
  if (input.auditedOn > chinaToday()) throw new RefusedError('projects.dateInFuture', 'auditedOn');
  const audit = await tx.projectAudit.create({
    data: {
      projectId: project.id,
      auditedOn: dayOf(input.auditedOn),
      auditor: input.auditor,
      finding: input.finding,
      amountQuestionedFen: input.amountQuestioned,
      createdById: viewer.userId,
    },
  });
  return {
    entity: 'ProjectAudit',
    entityId: audit.id,
    regionCode: project.regionCode,
    changes: {
      projectId: project.id,
      auditedOn: input.auditedOn,
      auditor: input.auditor,
      questioned: formatYuan(input.amountQuestioned),
    },
    message: 'projects.auditSaved',
  };
}

/** The county's own figures of a year (the shares of seed 001) and the complaint phone on the boards. */
export async function saveFundYear({ viewer, input, tx }: Context<typeof fundYearSchema>): Promise<CommandOutcome> {
  if (viewer.scopeCode.length !== 6) throw new RefusedError('projects.countyUserOnly');
  if (input.countyPovertySpending > input.countySpending)
    throw new RefusedError('projects.povertyOverSpending', 'countyPovertySpending');
  const values = {
    localRevenueIncreaseFen: input.localRevenueIncrease,
    countySpendingFen: input.countySpending,
    countyPovertySpendingFen: input.countyPovertySpending,
    complaintPhone: input.complaintPhone,
  };
  await tx.fundYear.upsert({
    where: { countyCode_year: { countyCode: viewer.scopeCode, year: input.year } },
    create: { countyCode: viewer.scopeCode, year: input.year, ...values },
    update: values,
  });
  return {
    entity: 'FundYear',
    entityId: `${viewer.scopeCode}-${input.year}`,
    regionCode: viewer.scopeCode,
    changes: {
      year: input.year,
      localRevenueIncrease: formatYuan(input.localRevenueIncrease),
      countySpending: formatYuan(input.countySpending),
      countyPovertySpending: formatYuan(input.countyPovertySpending),
    },
    message: 'common.saved',
  };
}

// ─────────────────────────── Assets (扶贫资产) ───────────────────────────

/** An asset the project created, from acceptance on; the first one moves the project to 资产已登记. */
export async function registerAsset({ viewer, input, tx }: Context<typeof assetSchema>): Promise<CommandOutcome> {
  const project = await projectInScope(tx, viewer, input.projectId);
  if (!ASSET_STAGES.includes(project.stage))
    throw new RefusedError('projects.refused.assetStage', undefined, { stage: `projects.stages.${project.stage}` });
  let regionCode = project.regionCode;
  if (input.kind === 'HOUSEHOLD') {
    const household = await householdOfProject(tx, project.id, input.householdId ?? 0);
    regionCode = household.regionCode;
  }
  const asset = await tx.asset.create({
    data: {
      projectId: project.id,
      regionCode,
      kind: input.kind,
      name: input.name,
      ownerName: input.ownerName,
      custodian: input.custodian,
      valueFen: input.value,
      householdId: input.kind === 'HOUSEHOLD' ? (input.householdId ?? null) : null,
      registeredOn: dayOf(chinaToday()),
      createdById: viewer.userId,
    },
  });
  if (project.stage === 'ACCEPTED') {
    const moved = await tx.project.updateMany({
      where: { id: project.id, stage: 'ACCEPTED' },
      data: { stage: 'ASSETS_REGISTERED', version: { increment: 1 } },
    });
    if (moved.count === 0) throw new ConflictError();
    await tx.projectStep.create({
      data: {
        projectId: project.id,
        kind: 'REGISTER_ASSET',
        fromStage: 'ACCEPTED',
        toStage: 'ASSETS_REGISTERED',
        note: input.name,
        userId: viewer.userId,
        userName: viewer.displayName,
      },
    });
  }
  return {
    entity: 'Asset',
    entityId: asset.id,
    regionCode,
    changes: { projectId: project.id, kind: input.kind, name: input.name, value: formatYuan(input.value) },
    message: 'projects.assetSaved',
  };
}

/** Income an asset returned to households, as paid out. */
export async function recordAssetIncome({
  viewer,
  input,
  tx,
}: Context<typeof assetIncomeSchema>): Promise<CommandOutcome> {
  const asset = await tx.asset.findFirst({ where: { id: input.assetId, ...scope.asset(viewer) } });
  if (!asset) throw new NotFoundError();
  if (input.paidOn > chinaToday()) throw new RefusedError('projects.dateInFuture', 'paidOn');
  if (input.paidOn < isoDay(asset.registeredOn)) throw new RefusedError('projects.incomeBeforeAsset', 'paidOn');
  const income = await tx.assetIncome.create({
    data: {
      assetId: asset.id,
      paidOn: dayOf(input.paidOn),
      amountFen: input.amount,
      households: input.households,
      createdById: viewer.userId,
    },
  });
  return {
    entity: 'AssetIncome',
    entityId: income.id,
    regionCode: asset.regionCode,
    changes: { assetId: asset.id, amount: formatYuan(input.amount), households: input.households },
    message: 'projects.incomeSaved',
  };
}

// ─────────────────────────── Village mutual-aid funds (互助资金) ───────────────────────────

async function villageInScope(tx: Tx, viewer: Viewer, code: string) {
  if (!isWithinScope(code, viewer.scopeCode)) throw new NotFoundError();
  const village = await tx.region.findFirst({ where: { code, level: 'VILLAGE' } });
  if (!village) throw new NotFoundError();
  return village;
}

export async function addMutualCapital({
  viewer,
  input,
  tx,
}: Context<typeof mutualCapitalSchema>): Promise<CommandOutcome> {
  const village = await villageInScope(tx, viewer, input.villageCode);
  if (input.receivedOn > chinaToday()) throw new RefusedError('projects.dateInFuture', 'receivedOn');
  const row = await tx.mutualFundCapital.create({
    data: {
      villageCode: village.code,
      receivedOn: dayOf(input.receivedOn),
      amountFen: input.amount,
      source: input.source,
      createdById: viewer.userId,
    },
  });
  return {
    entity: 'MutualFundCapital',
    entityId: row.id,
    regionCode: village.code,
    changes: { amount: formatYuan(input.amount), source: input.source },
    message: 'projects.capitalSaved',
  };
}

/** A loan to a household of the village, out of what the fund has not lent. */
export async function lendMutualLoan({ viewer, input, tx }: Context<typeof mutualLoanSchema>): Promise<CommandOutcome> {
  const village = await villageInScope(tx, viewer, input.villageCode);
  const household = await tx.household.findFirst({ where: { id: input.householdId, regionCode: village.code } });
  if (!household) throw new RefusedError('projects.householdNotInVillage', 'householdId');
  if (input.lentOn > chinaToday()) throw new RefusedError('projects.dateInFuture', 'lentOn');
  if (input.dueOn <= input.lentOn) throw new RefusedError('projects.dueBeforeLent', 'dueOn');
  await execute(tx, lockVillage(village.code));
  const [balance] = await rows(tx, mutualBalance(village.code));
  const available = BigInt(balance.capital) - BigInt(balance.outstanding);
  if (input.amount > available)
    throw new RefusedError('projects.overCapital', 'amount', {
      available: formatYuan(available > 0n ? available : 0n),
    });
  const loan = await tx.mutualLoan.create({
    data: {
      villageCode: village.code,
      householdId: household.id,
      amountFen: input.amount,
      lentOn: dayOf(input.lentOn),
      dueOn: dayOf(input.dueOn),
      createdById: viewer.userId,
    },
  });
  return {
    entity: 'MutualLoan',
    entityId: loan.id,
    regionCode: village.code,
    changes: { householdId: household.id, amount: formatYuan(input.amount), dueOn: input.dueOn },
    message: 'projects.loanSaved',
  };
}

export async function repayMutualLoan({
  viewer,
  input,
  tx,
}: Context<typeof mutualRepaymentSchema>): Promise<CommandOutcome> {
  const loan = await tx.mutualLoan.findFirst({ where: { id: input.loanId, ...scope.mutualLoan(viewer) } });
  if (!loan) throw new NotFoundError();
  if (input.paidOn > chinaToday()) throw new RefusedError('projects.dateInFuture', 'paidOn');
  if (input.paidOn < isoDay(loan.lentOn)) throw new RefusedError('projects.repaidBeforeLent', 'paidOn');
  const owed = loan.amountFen - loan.repaidFen;
  if (input.amount > owed) throw new RefusedError('projects.overOwed', 'amount', { owed: formatYuan(owed) });
  const updated = await tx.mutualLoan.updateMany({
    where: { id: loan.id, repaidFen: loan.repaidFen },
    data: { repaidFen: { increment: input.amount } },
  });
  if (updated.count === 0) throw new ConflictError();
  const row = await tx.mutualRepayment.create({
    data: { loanId: loan.id, paidOn: dayOf(input.paidOn), amountFen: input.amount, createdById: viewer.userId },
  });
  return {
    entity: 'MutualRepayment',
    entityId: row.id,
    regionCode: loan.villageCode,
    changes: { loanId: loan.id, amount: formatYuan(input.amount) },
    message: 'projects.repaymentSaved',
  };
}

// ─────────────────────────── The ledgers as files ───────────────────────────

export type ProjectLedger = 'library' | 'payments' | 'assets';

const yuanOf = (fen: bigint) => Number(fen) / 100;

/** One of the ledgers of the filtered projects, as a file; 403 without project.export. */
export async function exportProjectLedger(
  viewer: Viewer,
  ledger: ProjectLedger,
  filters: ProjectFilters,
  locale: Locale,
  requestId?: string,
) {
  requireCan(viewer, 'project.export');
  const t = (key: string, params?: Record<string, string | number>) => translateKey(locale, `projects.${key}`, params);
  const area = areaPrefix(viewer, filters.area);
  const trail = await regionTrail(viewer, area);
  const areaName = trail.map((r) => r.name).join('') || viewer.scopeName;
  const today = chinaToday();
  const yearText = filters.year === null ? t('allYears') : String(filters.year);
  let columns: { header: string; width: number; money?: boolean }[];
  let rows: (string | number)[][];
  if (ledger === 'library') {
    const list = await listProjectsForExport(viewer, filters);
    columns = [
      { header: t('year'), width: 7 },
      { header: t('name'), width: 28 },
      { header: t('kind'), width: 10 },
      { header: t('place'), width: 18 },
      { header: t('ownerUnit'), width: 16 },
      { header: t('contact'), width: 16 },
      { header: t('budgetYuan'), width: 14, money: true },
      { header: t('paidYuan'), width: 14, money: true },
      { header: t('stage'), width: 10 },
      { header: t('progressPercent'), width: 8 },
      { header: t('plannedEndOn'), width: 11 },
      { header: t('households'), width: 8 },
      { header: t('auditColumn'), width: 8 },
    ];
    rows = list.map((p) => [
      p.year,
      p.name,
      t(`kinds.${p.kind}`),
      p.place,
      p.ownerUnit,
      `${p.contactName} ${p.contactPhone}`,
      yuanOf(p.budgetFen),
      yuanOf(p.paidFen),
      t(`stages.${p.stage}`),
      p.progressPercent,
      p.plannedEndOn,
      p.households,
      p.audits > 0 ? t('audited') : p.unaudited ? t('unauditedBadge') : '',
    ]);
  } else if (ledger === 'payments') {
    const list = await paymentRows(viewer, filters);
    columns = [
      { header: t('paidOn'), width: 11 },
      { header: t('voucherNo'), width: 16 },
      { header: t('name'), width: 28 },
      { header: t('place'), width: 18 },
      { header: t('source'), width: 14 },
      { header: t('paymentKind'), width: 8 },
      { header: t('payee'), width: 20 },
      { header: t('amountYuan'), width: 14, money: true },
    ];
    rows = list.map((r) => [
      r.paidOn,
      r.voucherNo,
      r.projectName,
      r.place,
      t(`sources.${r.source}`),
      t(`paymentKinds.${r.kind}`),
      r.payee,
      yuanOf(r.amountFen),
    ]);
  } else {
    const list = await assetRows(viewer, filters);
    columns = [
      { header: t('assetName'), width: 22 },
      { header: t('assetKind'), width: 10 },
      { header: t('name'), width: 26 },
      { header: t('place'), width: 18 },
      { header: t('assetOwner'), width: 16 },
      { header: t('custodian'), width: 10 },
      { header: t('registeredOn'), width: 11 },
      { header: t('assetValue'), width: 14, money: true },
      { header: t('incomeYuan'), width: 14, money: true },
    ];
    rows = list.map((r) => [
      r.name,
      t(`assetKinds.${r.kind}`),
      r.projectName,
      r.place,
      r.ownerName,
      r.custodian,
      r.registeredOn,
      yuanOf(r.valueFen),
      yuanOf(r.incomeFen),
    ]);
  }
  const title = t(`sheetTitles.${ledger}`, { area: areaName, year: yearText });
  const buffer = await ledgerXlsx({
    sheetName: t(`sheetNames.${ledger}`),
    title,
    subtitle: t('exportedOn', { date: today }),
    columns,
    rows,
    totalLabel: t('total'),
  });
  await writeAuditNow(
    { userId: viewer.userId, username: viewer.username, role: viewer.role },
    {
      action: `project.export.${ledger}`,
      result: 'OK',
      entity: 'Project',
      regionCode: area,
      changes: { year: filters.year, stage: filters.stage ?? null, rows: rows.length },
      requestId,
    },
  );
  return { buffer, fileName: `${title}.xlsx`, asciiFileName: `projects-${ledger}-${area}-${today}.xlsx` };
}
