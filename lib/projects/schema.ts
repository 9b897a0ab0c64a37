import { z } from 'zod';
import { ASSET_KINDS, BENEFIT_MECHANISMS, FUND_SOURCES, PAYMENT_ENTRY_KINDS, PROJECT_KINDS } from '@/lib/enums';
import { photoKeys } from '@/lib/problems/schema';
import {
  chosenRecordId,
  integer,
  isoDate,
  isPhoneNumber,
  normalisePhone,
  optionalClientKey,
  optionalInteger,
  optionalText,
  recordId,
  text,
  version,
} from '@/lib/validation';
import { parseYuan } from './rules';

/** An amount in yuan as typed ('12,345.67'), in fen; more than nothing. */
export const yuan = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, { error: 'errors.required' })
  .transform((value, ctx) => {
    const fen = parseYuan(value);
    if (fen === null || fen === 0n) {
      ctx.addIssue({ code: 'custom', message: 'projects.amountFormat' });
      return z.NEVER;
    }
    return fen;
  });

/** The same where nothing may be typed (0), e.g. a fund source the project does not draw on. */
export const optionalYuan = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return 0n;
    const fen = parseYuan(value);
    if (fen === null) {
      ctx.addIssue({ code: 'custom', message: 'projects.amountFormat' });
      return z.NEVER;
    }
    return fen;
  });

const villageCode = z.string().regex(/^\d{12}$/, { error: 'errors.invalidChoice' });
const phone = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, { error: 'errors.required' })
  .transform(normalisePhone)
  .refine(isPhoneNumber, { error: 'households.phoneFormat' });

/** One field per fund source: `fund_CENTRAL`, `fund_COUNTY`, … */
export const FUND_FIELDS = Object.fromEntries(FUND_SOURCES.map((s) => [`fund_${s}`, optionalYuan])) as Record<
  `fund_${(typeof FUND_SOURCES)[number]}`,
  typeof optionalYuan
>;

const proposalFields = {
  year: integer(2000, 2100),
  name: text(100),
  kind: z.enum(PROJECT_KINDS, { error: 'errors.invalidChoice' }),
  description: text(1000),
  villageCodes: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : typeof v === 'string' ? [v] : v),
    z.array(villageCode).min(1, { error: 'projects.villagesRequired' }).max(30),
  ),
  ownerUnitId: chosenRecordId,
  contactName: text(30),
  contactPhone: phone,
  plannedEndOn: isoDate,
  ...FUND_FIELDS,
};

const needsBudget = (v: Record<`fund_${(typeof FUND_SOURCES)[number]}`, bigint>, ctx: z.RefinementCtx) => {
  const total = FUND_SOURCES.reduce((sum, s) => sum + v[`fund_${s}`], 0n);
  if (total === 0n) ctx.addIssue({ code: 'custom', path: ['fund_CENTRAL'], message: 'projects.budgetRequired' });
};

/** A project put into the library (项目库): what, where, who benefits later, the budget by fund source. */
export const proposeProjectSchema = z.strictObject(proposalFields).superRefine(needsBudget);

/** The same, changed while the project waits for approval (a budget adjusted, a village added). */
export const updateProjectSchema = z
  .strictObject({ projectId: recordId, version, ...proposalFields })
  .superRefine(needsBudget);

/** A step of the project's stages; PROGRESS needs the percent, REJECT and EVALUATE a note. */
export const projectStepSchema = z
  .strictObject({
    projectId: recordId,
    version,
    step: z.enum(['APPROVE', 'REJECT', 'NOTICE', 'START', 'PROGRESS', 'ACCEPT', 'EVALUATE', 'CLOSE'], {
      error: 'errors.invalidChoice',
    }),
    progressPercent: optionalInteger(0, 100),
    note: optionalText(1000),
    /** Photos of the work, uploaded first (POST /api/uploads). */
    photoKeys,
    /** The outbox's key: a resend finds the stored step (online forms send none). */
    clientKey: optionalClientKey,
  })
  .superRefine((v, ctx) => {
    if (v.step === 'PROGRESS' && v.progressPercent === undefined)
      ctx.addIssue({ code: 'custom', path: ['progressPercent'], message: 'errors.required' });
    if ((v.step === 'REJECT' || v.step === 'EVALUATE') && v.note === undefined)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'errors.required' });
  });

export const beneficiarySchema = z.strictObject({
  projectId: recordId,
  householdId: chosenRecordId,
  mechanism: z.enum(BENEFIT_MECHANISMS, { error: 'errors.invalidChoice' }),
});

export const removeBeneficiarySchema = z.strictObject({ projectId: recordId, householdId: recordId });

/** A voucher: money paid out of one fund source. */
export const paymentSchema = z.strictObject({
  projectId: recordId,
  source: z.enum(FUND_SOURCES, { error: 'errors.invalidChoice' }),
  kind: z.enum(PAYMENT_ENTRY_KINDS, { error: 'errors.invalidChoice' }),
  paidOn: isoDate,
  amount: yuan,
  voucherNo: text(40),
  payee: text(100),
});

/** A voucher entered wrongly, reversed by a voucher of its own (红字冲销): its number, date and why. */
export const reversalSchema = z.strictObject({
  paymentId: recordId,
  voucherNo: text(40),
  paidOn: isoDate,
  reason: text(200),
});

export const auditSchema = z.strictObject({
  projectId: recordId,
  auditedOn: isoDate,
  auditor: text(100),
  finding: text(1000),
  amountQuestioned: optionalYuan,
});

export const assetSchema = z
  .strictObject({
    projectId: recordId,
    kind: z.enum(ASSET_KINDS, { error: 'errors.invalidChoice' }),
    name: text(100),
    ownerName: text(100),
    custodian: text(60),
    value: yuan,
    householdId: z.preprocess((v) => (v === '' ? undefined : v), chosenRecordId.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'HOUSEHOLD' && v.householdId === undefined)
      ctx.addIssue({ code: 'custom', path: ['householdId'], message: 'projects.assetHouseholdRequired' });
  });

export const assetIncomeSchema = z.strictObject({
  assetId: recordId,
  paidOn: isoDate,
  amount: yuan,
  households: integer(1, 100_000),
});

export const fundYearSchema = z.strictObject({
  year: integer(2000, 2100),
  localRevenueIncrease: optionalYuan,
  countySpending: optionalYuan,
  countyPovertySpending: optionalYuan,
  complaintPhone: text(20),
});

export const mutualCapitalSchema = z.strictObject({
  villageCode,
  receivedOn: isoDate,
  amount: yuan,
  source: text(100),
});

export const mutualLoanSchema = z.strictObject({
  villageCode,
  householdId: chosenRecordId,
  amount: yuan,
  lentOn: isoDate,
  dueOn: isoDate,
});

export const mutualRepaymentSchema = z.strictObject({
  loanId: recordId,
  paidOn: isoDate,
  amount: yuan,
});
