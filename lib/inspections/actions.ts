'use server';
// Inspections' forms: each action is a command of ./commands.ts behind the action wrapper.
import 'server-only';
import { action } from '@/lib/action';
import * as commands from './commands';
import {
  adjustAssessmentSchema,
  completeInspectionSchema,
  findingSchema,
  followUpSchema,
  householdCheckSchema,
  planInspectionSchema,
  presenceSchema,
} from './schema';

/** Draws the villages (and households in them) at random with a fresh seed, and records the draw. */
export const planInspection = action(
  'inspection.plan',
  'inspection.plan',
  planInspectionSchema,
  commands.planInspection,
);

/** Who was found in the village; absent on a day the attendance claims presence raises a discrepancy. */
export const recordPresence = action('inspection.presence', 'inspection.plan', presenceSchema, commands.recordPresence);

/** A drawn household asked on the spot. */
export const recordHouseholdCheck = action(
  'inspection.householdCheck',
  'inspection.plan',
  householdCheckSchema,
  commands.recordHouseholdCheck,
);

/** A finding in a drawn village; it may open a problem in the ledger at once (source: inspection). */
export const addFinding = action('inspection.finding', 'inspection.plan', findingSchema, commands.addFinding);

export const completeInspection = action(
  'inspection.complete',
  'inspection.plan',
  completeInspectionSchema,
  commands.completeInspection,
);

/** A talk (约谈) with or recall (召回) of a team member, against their posting's village. */
export const recordFollowUp = action('inspection.followUp', 'followup.manage', followUpSchema, commands.recordFollowUp);

/** The county's adjusted score of a team or township for a year, with its reason; the computed score stays beside it. */
export const adjustAssessment = action(
  'assessment.adjust',
  'assessment.adjust',
  adjustAssessmentSchema,
  commands.adjustAssessment,
);
