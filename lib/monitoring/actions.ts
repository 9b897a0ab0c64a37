'use server';
// The monitoring's forms: each action is a command of ./commands.ts behind the action wrapper.
import 'server-only';
import { action } from '@/lib/action';
import * as commands from './commands';
import {
  addMonitoredSchema,
  closeRiskSchema,
  dismissWarningSchema,
  runWarningsSchema,
  setMonitorMeasureSchema,
  verifyWarningSchema,
} from './schema';

export const runWarnings = action('monitor.runWarnings', 'monitor.run', runWarningsSchema, commands.runWarnings);
export const addMonitored = action('monitor.add', 'monitor.manage', addMonitoredSchema, commands.addMonitored);
export const verifyWarning = action('monitor.verify', 'monitor.manage', verifyWarningSchema, commands.verifyWarning);
export const dismissWarning = action(
  'monitor.dismiss',
  'monitor.manage',
  dismissWarningSchema,
  commands.dismissWarning,
);
export const closeRisk = action('monitor.close', 'monitor.manage', closeRiskSchema, commands.closeRisk);
export const setMonitorMeasure = action(
  'monitor.measureStatus',
  'monitor.manage',
  setMonitorMeasureSchema,
  commands.setMonitorMeasure,
);
