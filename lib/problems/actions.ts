'use server';
// The problem forms: each action is a command of ./commands.ts behind the action wrapper (permission,
// strict input, one transaction with its audit row).
import 'server-only';
import { action } from '@/lib/action';
import * as commands from './commands';
import { openProblemSchema, problemStepSchema } from './schema';

/** A problem reported outside a visit: of a household or of the village as a whole. */
export const openProblem = action('problem.open', 'problem.report', openProblemSchema, commands.openProblem);

/** Every step after opening: the rules say which may follow which, and who may take it. */
export const problemStep = action('problem.step', 'problem.work', problemStepSchema, commands.problemStep);
