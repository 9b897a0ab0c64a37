'use server';
// The visit form: the command of ./commands.ts behind the action wrapper.
import 'server-only';
import { action } from '@/lib/action';
import * as commands from './commands';
import { createVisitSchema } from './schema';

/** Logs a visit with any problems found on it; a replayed submission is stored once. */
export const createVisit = action('visit.create', 'visit.create', createVisitSchema, commands.createVisit);
