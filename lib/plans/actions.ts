'use server';
// Help plans' forms: each action is a command of ./commands.ts behind the action wrapper.
import 'server-only';
import { action } from '@/lib/action';
import * as commands from './commands';
import { savePlanSchema, setMeasureStatusSchema } from './schema';

export const savePlan = action('plan.save', 'plan.edit', savePlanSchema, commands.savePlan);
export const setMeasureStatus = action(
  'plan.measureStatus',
  'plan.edit',
  setMeasureStatusSchema,
  commands.setMeasureStatus,
);
