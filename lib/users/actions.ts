'use server';
// Accounts' forms: each action is a command of ./commands.ts behind the action wrapper (permission,
// strict input, one transaction with its audit row).
import 'server-only';
import { action } from '@/lib/action';
import * as commands from './commands';
import {
  createUserSchema,
  decideApprovalSchema,
  resetPasswordSchema,
  setUserDisabledSchema,
  updateUserSchema,
} from './schema';

export const createUser = action('user.create', 'user.manage', createUserSchema, commands.createUser);
export const updateUser = action('user.update', 'user.manage', updateUserSchema, commands.updateUser);
export const setUserDisabled = action(
  'user.setDisabled',
  'user.manage',
  setUserDisabledSchema,
  commands.setUserDisabled,
);
export const resetUserPassword = action(
  'user.resetPassword',
  'user.manage',
  resetPasswordSchema,
  commands.resetUserPassword,
);
export const approveAccount = action('user.approve', 'user.approve', decideApprovalSchema, commands.approveAccount);
export const rejectAccount = action('user.reject', 'user.approve', decideApprovalSchema, commands.rejectAccount);
