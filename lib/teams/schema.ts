import { z } from 'zod';
import { ACTIVITY_KINDS, CADRE_RANKS, TEAM_ROLES, TRAINING_KINDS, UNIT_LEVELS } from '@/lib/enums';
import {
  checkbox,
  isoDate,
  optionalInteger,
  optionalPhone,
  optionalRecordId,
  optionalText,
  recordId,
  text,
  version,
} from '@/lib/validation';
import { isTuesday } from './rules';

export { ACTIVITY_KINDS, CADRE_RANKS, TEAM_ROLES, UNIT_LEVELS };

const optionalId = optionalRecordId;

export const createUnitSchema = z.strictObject({
  name: text(60),
  level: z.enum(UNIT_LEVELS, { error: 'errors.invalidChoice' }),
});

export const createTeamSchema = z.strictObject({
  villageCode: z.string().regex(/^\d{12}$/, { error: 'errors.invalidChoice' }),
  formedOn: isoDate,
});

/** A posting of an existing cadre (cadreId) or of a new one (name, rank, phone). */
export const addPostingSchema = z
  .strictObject({
    teamId: recordId,
    cadreId: optionalId,
    name: optionalText(40),
    rank: z.enum(CADRE_RANKS, { error: 'errors.invalidChoice' }).default('ORDINARY'),
    phone: optionalPhone,
    userId: optionalId,
    role: z.enum(TEAM_ROLES, { error: 'errors.invalidChoice' }),
    alsoFirstSecretary: checkbox,
    unitId: recordId,
    startDate: isoDate,
    plannedEndDate: isoDate,
    shortConfirmed: checkbox,
  })
  .superRefine((value, ctx) => {
    if (!value.cadreId && !value.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'teams.nameOrCadre' });
    if (value.plannedEndDate < value.startDate)
      ctx.addIssue({ code: 'custom', path: ['plannedEndDate'], message: 'teams.endBeforeStart' });
    if (value.alsoFirstSecretary && value.role !== 'LEADER')
      ctx.addIssue({ code: 'custom', path: ['alsoFirstSecretary'], message: 'teams.onlyLeaderDoubles' });
  });

export const endPostingSchema = z.strictObject({
  postingId: recordId,
  version,
  endedOn: isoDate,
  endReason: optionalText(200),
  /** The county decision (its reference) that lets a village's last posting end before the village has exited. */
  endDecision: optionalText(200),
});

export const confirmDetachedSchema = z.strictObject({ postingId: recordId, version });

/**
 * A technician's guidance session or day in households, a training, or a Tuesday work day in a village.
 * Training alone lasts more than a day; the work day is a Tuesday in a village named.
 */
export const recordActivitySchema = z
  .strictObject({
    cadreId: recordId,
    kind: z.enum(ACTIVITY_KINDS, { error: 'errors.invalidChoice' }),
    day: isoDate,
    days: optionalInteger(1, 30),
    villageCode: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^\d{12}$/, { error: 'errors.invalidChoice' })
        .optional(),
    ),
    note: optionalText(200),
  })
  .superRefine((value, ctx) => {
    if ((value.days ?? 1) > 1 && !TRAINING_KINDS.includes(value.kind))
      ctx.addIssue({ code: 'custom', path: ['days'], message: 'teams.daysOnlyTraining' });
    if (value.kind === 'WORK_DAY' && !value.villageCode)
      ctx.addIssue({ code: 'custom', path: ['villageCode'], message: 'errors.required' });
    if (value.kind === 'WORK_DAY' && !isTuesday(value.day))
      ctx.addIssue({ code: 'custom', path: ['day'], message: 'teams.notTuesday' });
  });
