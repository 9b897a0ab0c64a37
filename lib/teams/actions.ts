'use server';
import 'server-only';
import { action } from '@/lib/action';
import type { Viewer } from '@/lib/auth/data';
import type { Tx } from '@/lib/db';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import { encryptText } from '@/lib/personal-data';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { lineageOf } from '@/lib/regions/rules';
import { chinaToday, dayOf, isoDay } from '@/lib/time';
import { isShorterThan } from './rules';
import {
  addPostingSchema,
  confirmDetachedSchema,
  createTeamSchema,
  createUnitSchema,
  endPostingSchema,
} from './schema';

const countyOf = (code: string) => code.slice(0, 6);

async function findTeam(tx: Tx, viewer: Viewer, id: number) {
  const team = await tx.workTeam.findFirst({ where: { id, villageCode: { startsWith: viewer.scopeCode } } });
  if (!team) throw new NotFoundError();
  return team;
}

async function findPosting(tx: Tx, viewer: Viewer, id: number) {
  const posting = await tx.posting.findFirst({
    where: { id, villageCode: { startsWith: viewer.scopeCode } },
    include: { cadre: true },
  });
  if (!posting) throw new NotFoundError();
  return posting;
}

export const createUnit = action('team.createUnit', 'team.manage', createUnitSchema, async ({ viewer, input, tx }) => {
  // Units are kept per county; a township user adds to their county's list.
  const countyCode = lineageOf(viewer.scopeCode).find((code) => code.length === 6);
  if (!countyCode) throw new RefusedError('teams.countyUsersOnly');
  const existing = await tx.unit.findUnique({ where: { countyCode_name: { countyCode, name: input.name } } });
  if (existing) throw new RefusedError('teams.unitExists', 'name');
  const unit = await tx.unit.create({ data: { countyCode, name: input.name, level: input.level } });
  return {
    entity: 'Unit',
    entityId: unit.id,
    regionCode: countyCode,
    changes: { name: input.name, level: input.level },
    message: 'teams.unitCreated',
  };
});

export const createTeam = action('team.create', 'team.manage', createTeamSchema, async ({ viewer, input, tx }) => {
  if (!input.villageCode.startsWith(viewer.scopeCode)) throw new NotFoundError();
  const village = await tx.region.findFirst({ where: { code: input.villageCode, level: 'VILLAGE' } });
  if (!village) throw new NotFoundError();
  if (!village.isPoorVillage) throw new RefusedError('teams.notPoorVillage', 'villageCode');
  if (await tx.workTeam.findUnique({ where: { villageCode: village.code } }))
    throw new RefusedError('teams.teamExists', 'villageCode');
  const team = await tx.workTeam.create({ data: { villageCode: village.code, formedOn: dayOf(input.formedOn) } });
  return {
    entity: 'WorkTeam',
    entityId: team.id,
    regionCode: village.code,
    changes: { formedOn: input.formedOn },
    message: 'teams.teamCreated',
    redirectTo: `/teams/${team.id}`,
  };
});

export const addPosting = action('team.addPosting', 'team.manage', addPostingSchema, async ({ viewer, input, tx }) => {
  const team = await findTeam(tx, viewer, input.teamId);
  const county = countyOf(team.villageCode);
  const unit = await tx.unit.findFirst({ where: { id: input.unitId, countyCode: county } });
  if (!unit) throw new RefusedError('errors.invalidChoice', 'unitId');
  const policy =
    (await tx.policy.findUnique({
      where: { countyCode_year: { countyCode: county, year: Number(input.startDate.slice(0, 4)) } },
    })) ?? DEFAULT_POLICY;
  if (!input.shortConfirmed && isShorterThan(input.startDate, input.plannedEndDate, policy.minPostingMonths)) {
    throw new RefusedError('teams.shortPosting', 'shortConfirmed', { months: policy.minPostingMonths });
  }
  // One leader per team: two clerks posting leaders at once queue here.
  await tx.$executeRaw`SELECT 1 FROM work_team WHERE id = ${team.id} FOR UPDATE`;
  if (input.role === 'LEADER') {
    const leader = await tx.posting.findFirst({ where: { teamId: team.id, role: 'LEADER', endedOn: null } });
    if (leader) throw new RefusedError('teams.leaderTaken', 'role');
  }

  let cadreId = input.cadreId;
  if (cadreId) {
    const cadre = await tx.cadre.findFirst({
      where: { id: cadreId, regionCode: { startsWith: county }, active: true },
    });
    if (!cadre) throw new RefusedError('errors.invalidChoice', 'cadreId');
    // Never move someone else's login onto this cadre silently.
    if (input.userId && cadre.userId && cadre.userId !== input.userId)
      throw new RefusedError('teams.accountTaken', 'userId');
  } else {
    const cadre = await tx.cadre.create({
      data: {
        regionCode: county,
        name: input.name!,
        unitId: unit.id,
        rank: input.rank,
        phoneEnc: input.phone ? encryptText(input.phone) : null,
      },
    });
    cadreId = cadre.id;
  }
  // Serialises postings of one person, so two clerks cannot post them twice at once.
  await tx.$executeRaw`SELECT 1 FROM cadre WHERE id = ${cadreId} FOR UPDATE`;
  if (await tx.posting.findFirst({ where: { cadreId, endedOn: null } }))
    throw new RefusedError('teams.alreadyPosted', 'cadreId');
  const overlapping = await tx.posting.findFirst({ where: { cadreId, endedOn: { gte: dayOf(input.startDate) } } });
  if (overlapping) throw new RefusedError('teams.overlapsPosting', 'startDate');

  if (input.userId) {
    const user = await tx.user.findFirst({
      where: {
        id: input.userId,
        role: { in: ['TEAM_LEADER', 'TEAM_MEMBER'] },
        scopeCode: team.villageCode,
        disabled: false,
      },
      include: { cadre: true },
    });
    if (!user || (user.cadre && user.cadre.id !== cadreId)) throw new RefusedError('teams.accountTaken', 'userId');
    await tx.cadre.update({ where: { id: cadreId }, data: { userId: user.id } });
  }

  const posting = await tx.posting.create({
    data: {
      teamId: team.id,
      cadreId,
      villageCode: team.villageCode,
      role: input.role,
      alsoFirstSecretary: input.alsoFirstSecretary,
      unitId: unit.id,
      startDate: dayOf(input.startDate),
      plannedEndDate: dayOf(input.plannedEndDate),
    },
  });
  return {
    entity: 'Posting',
    entityId: posting.id,
    regionCode: team.villageCode,
    changes: {
      cadreId,
      role: input.role,
      unit: unit.name,
      startDate: input.startDate,
      plannedEndDate: input.plannedEndDate,
      shortConfirmed: input.shortConfirmed,
    },
    message: 'teams.postingAdded',
  };
});

export const endPosting = action('team.endPosting', 'team.manage', endPostingSchema, async ({ viewer, input, tx }) => {
  const posting = await findPosting(tx, viewer, input.postingId);
  // Check-ins and the month grid lock the cadre too: no day can slip in after the end while this runs.
  await tx.$executeRaw`SELECT 1 FROM cadre WHERE id = ${posting.cadreId} FOR UPDATE`;
  if (posting.endedOn) throw new RefusedError('teams.alreadyEnded');
  const start = isoDay(posting.startDate);
  const plannedEnd = isoDay(posting.plannedEndDate);
  if (input.endedOn < start) throw new RefusedError('teams.endBeforeStart', 'endedOn');
  if (input.endedOn > plannedEnd) throw new RefusedError('teams.endAfterPlanned', 'endedOn', { date: plannedEnd });
  // Closing before the planned end (a recall, a transfer, illness) must say why.
  if (input.endedOn < plannedEnd && !input.endReason) throw new RefusedError('teams.endReasonRequired', 'endReason');
  // An early end is a fact, not a plan: it is entered once it has happened ('YYYY-MM-DD' compares as text).
  if (input.endedOn < plannedEnd && input.endedOn > chinaToday())
    throw new RefusedError('teams.endInFuture', 'endedOn');
  const later = await tx.attendanceRecord.count({
    where: { postingId: posting.id, day: { gt: dayOf(input.endedOn) } },
  });
  if (later > 0) throw new RefusedError('teams.recordsAfterEnd', 'endedOn', { count: later });
  const updated = await tx.posting.updateMany({
    where: { id: posting.id, version: input.version },
    data: { endedOn: dayOf(input.endedOn), endReason: input.endReason ?? null, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ConflictError();
  return {
    entity: 'Posting',
    entityId: posting.id,
    regionCode: posting.villageCode,
    changes: { endedOn: input.endedOn, endReason: input.endReason ?? null, early: input.endedOn < plannedEnd },
    message: 'teams.postingEnded',
  };
});

export const confirmDetached = action(
  'team.confirmDetached',
  'team.manage',
  confirmDetachedSchema,
  async ({ viewer, input, tx }) => {
    // The county office confirms the leader has left their original post.
    if (viewer.scopeCode.length > 6) throw new RefusedError('teams.countyUsersOnly');
    const posting = await findPosting(tx, viewer, input.postingId);
    if (posting.role !== 'LEADER') throw new RefusedError('teams.onlyLeaderDetached');
    const updated = await tx.posting.updateMany({
      where: { id: posting.id, version: input.version },
      data: { detachedConfirmed: true, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError();
    return {
      entity: 'Posting',
      entityId: posting.id,
      regionCode: posting.villageCode,
      changes: { detachedConfirmed: { from: false, to: true } },
      message: 'teams.detachedConfirmed',
    };
  },
);
