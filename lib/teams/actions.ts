'use server';
// Teams' forms: each action is a command of ./commands.ts behind the action wrapper (permission, strict
// input, one transaction with its audit row).
import 'server-only';
import { action } from '@/lib/action';
import * as commands from './commands';
import {
  addPostingSchema,
  confirmDetachedSchema,
  createTeamSchema,
  createUnitSchema,
  endPostingSchema,
  recordActivitySchema,
} from './schema';

export const createUnit = action('team.createUnit', 'team.manage', createUnitSchema, commands.createUnit);
export const createTeam = action('team.create', 'team.manage', createTeamSchema, commands.createTeam);
export const addPosting = action('team.addPosting', 'team.manage', addPostingSchema, commands.addPosting);
export const endPosting = action('team.endPosting', 'team.manage', endPostingSchema, commands.endPosting);
export const confirmDetached = action(
  'team.confirmDetached',
  'team.manage',
  confirmDetachedSchema,
  commands.confirmDetached,
);
export const recordActivity = action(
  'team.recordActivity',
  'activity.record',
  recordActivitySchema,
  commands.recordActivity,
);
