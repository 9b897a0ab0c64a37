import { z } from 'zod';
import { CADRE_RANKS, TEAM_ROLES, UNIT_LEVELS } from '@/lib/enums';
import {
  checkbox,
  isoDate,
  optionalPhone,
  optionalRecordId,
  optionalText,
  recordId,
  text,
  version,
} from '@/lib/validation';

export { CADRE_RANKS, TEAM_ROLES, UNIT_LEVELS };

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
