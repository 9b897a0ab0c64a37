'use server';
// The registry's forms: each action is a command of ./commands.ts behind the action wrapper (permission,
// strict input, one transaction with its audit row).
import 'server-only';
import { action } from '@/lib/action';
import * as commands from './commands';
import {
  addMemberSchema,
  batchStatusSchema,
  changeStatusSchema,
  createHouseholdSchema,
  recordGuaranteesSchema,
  removeMemberSchema,
  resolveDuplicateSchema,
  revealIdSchema,
  saveIncomeSchema,
  updateHouseholdSchema,
  updateMemberSchema,
} from './schema';

export const createHousehold = action(
  'household.create',
  'household.edit',
  createHouseholdSchema,
  commands.createHousehold,
);
export const updateHousehold = action(
  'household.update',
  'household.edit',
  updateHouseholdSchema,
  commands.updateHousehold,
);
export const addMember = action('household.addMember', 'household.edit', addMemberSchema, commands.addMember);
export const updateMember = action(
  'household.updateMember',
  'household.edit',
  updateMemberSchema,
  commands.updateMember,
);
export const removeMember = action(
  'household.removeMember',
  'household.edit',
  removeMemberSchema,
  commands.removeMember,
);
export const changeStatus = action(
  'household.changeStatus',
  'household.status',
  changeStatusSchema,
  commands.changeStatus,
);
/** One step for many households of a village in one transaction: all take it or none does. */
export const batchChangeStatus = action(
  'household.batchStatus',
  'household.status',
  batchStatusSchema,
  commands.batchChangeStatus,
);
/** 两不愁三保障 verified in an in-person visit. */
export const recordGuarantees = action(
  'household.recordGuarantees',
  'household.verify',
  recordGuaranteesSchema,
  commands.recordGuarantees,
);
export const saveIncome = action('household.saveIncome', 'household.edit', saveIncomeSchema, commands.saveIncome);
/** Shows one full ID number to a role that may see it; every view is audited. */
export const revealIdNumber = action('person.revealId', 'personal.reveal', revealIdSchema, commands.revealIdNumber);
/** The county office marks a duplicate across areas resolved. */
export const resolveDuplicate = action(
  'household.resolveDuplicate',
  'household.duplicates',
  resolveDuplicateSchema,
  commands.resolveDuplicate,
);
