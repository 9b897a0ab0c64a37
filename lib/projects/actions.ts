'use server';
// The project and fund forms: each action is a command of ./commands.ts behind the action wrapper (permission,
// strict input, one transaction with its audit row).
import 'server-only';
import { action } from '@/lib/action';
import * as commands from './commands';
import * as schema from './schema';

export const proposeProject = action(
  'project.propose',
  'project.propose',
  schema.proposeProjectSchema,
  commands.proposeProject,
);

/** A proposal changed while it waits for approval. */
export const updateProject = action(
  'project.update',
  'project.propose',
  schema.updateProjectSchema,
  commands.updateProject,
);

/** Every step after proposing; the county's steps also need project.approve (checked in the command). */
export const projectStep = action('project.step', 'project.implement', schema.projectStepSchema, commands.projectStep);

export const addBeneficiary = action(
  'project.addBeneficiary',
  'project.implement',
  schema.beneficiarySchema,
  commands.addBeneficiary,
);

export const removeBeneficiary = action(
  'project.removeBeneficiary',
  'project.implement',
  schema.removeBeneficiarySchema,
  commands.removeBeneficiary,
);

export const recordPayment = action('project.pay', 'project.finance', schema.paymentSchema, commands.recordPayment);

export const reversePayment = action(
  'project.reversePayment',
  'project.finance',
  schema.reversalSchema,
  commands.reversePayment,
);

export const recordAudit = action('project.audit', 'project.finance', schema.auditSchema, commands.recordAudit);

export const saveFundYear = action('fundYear.save', 'project.finance', schema.fundYearSchema, commands.saveFundYear);

export const registerAsset = action('asset.register', 'project.approve', schema.assetSchema, commands.registerAsset);

export const recordAssetIncome = action(
  'asset.income',
  'project.finance',
  schema.assetIncomeSchema,
  commands.recordAssetIncome,
);

export const addMutualCapital = action(
  'mutual.capital',
  'mutual.manage',
  schema.mutualCapitalSchema,
  commands.addMutualCapital,
);

export const lendMutualLoan = action('mutual.lend', 'mutual.manage', schema.mutualLoanSchema, commands.lendMutualLoan);

export const repayMutualLoan = action(
  'mutual.repay',
  'mutual.manage',
  schema.mutualRepaymentSchema,
  commands.repayMutualLoan,
);
