// Teams' writes: dispatching units, teams, postings and the leader's detachment. Each command runs
// inside the caller's transaction and returns what it did for the audit row; lib/teams/actions.ts wires
// them to forms.
import 'server-only';
import type { z } from 'zod';
import type { Viewer } from '@/lib/auth/data';
import type { CommandContext, CommandOutcome } from '@/lib/command';
import { execute, type Tx } from '@/lib/db';
import type { TeamRole } from '@/lib/enums';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import { encryptText } from '@/lib/personal-data';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { isWithinScope, lineageOf } from '@/lib/regions/rules';
import { scope } from '@/lib/regions/scope';
import { FULL_TIME_ROLES } from '@/lib/teams/rules';
import { chinaToday, dayOf, isoDay } from '@/lib/time';
import { isShorterThan } from './rules';
import type {
  addPostingSchema,
  confirmDetachedSchema,
  createTeamSchema,
  createUnitSchema,
  endPostingSchema,
  recordActivitySchema,
} from './schema';
import { lockCadre, lockTeam } from './sql';

const countyOf = (code: string) => code.slice(0, 6);

async function findTeam(tx: Tx, viewer: Viewer, id: number) {
  const team = await tx.workTeam.findFirst({ where: { id, ...scope.workTeam(viewer) } });
  if (!team) throw new NotFoundError();
  return team;
}

async function findPosting(tx: Tx, viewer: Viewer, id: number) {
  const posting = await tx.posting.findFirst({ where: { id, ...scope.posting(viewer) }, include: { cadre: true } });
  if (!posting) throw new NotFoundError();
  return posting;
}

/** A dispatching unit (派出单位) of the viewer's county. */
export async function createUnit({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof createUnitSchema>>): Promise<CommandOutcome> {
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
}

/** The work team of a poor village of the viewer's area. */
export async function createTeam({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof createTeamSchema>>): Promise<CommandOutcome> {
  if (!isWithinScope(input.villageCode, viewer.scopeCode)) throw new NotFoundError();
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
}

/** Posts a cadre (an existing one, or a new one) to a team, and links their account if given. */
export async function addPosting({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof addPostingSchema>>): Promise<CommandOutcome> {
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
  await execute(tx, lockTeam(team.id));
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
    if (!input.name) throw new RefusedError('teams.nameOrCadre', 'name'); // the schema asks for one of the two
    const cadre = await tx.cadre.create({
      data: {
        regionCode: county,
        name: input.name,
        unitId: unit.id,
        rank: input.rank,
        phoneEnc: input.phone ? encryptText(input.phone) : null,
      },
    });
    cadreId = cadre.id;
  }
  // Serialises postings of one person, so two clerks cannot post them twice at once.
  await execute(tx, lockCadre(cadreId));
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
  const fills = await fillReplacement(tx, team.id, posting);
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
      ...(fills ? { fillsReplacementRequest: fills } : {}),
    },
    message: 'teams.postingAdded',
  };
}

async function assertNoRecordsAfter(tx: Tx, postingId: number, endedOn: string, field: string) {
  const later = await tx.attendanceRecord.count({ where: { postingId, day: { gt: dayOf(endedOn) } } });
  if (later > 0) throw new RefusedError('teams.recordsAfterEnd', field, { count: later });
}

/**
 * A team is not withdrawn from a poor village that has not exited (seed 004: 不稳定脱贫，队伍不能撤): the
 * last active posting ends only once a replacement is posted, or on a county decision the county enters.
 * The team row is locked so two clerks cannot each end one of the last two postings.
 */
async function assertNotWithdrawn(
  tx: Tx,
  viewer: Viewer,
  posting: { id: number; teamId: number; villageCode: string },
  decision: string | undefined,
) {
  if (decision && viewer.scopeCode.length > 6) throw new RefusedError('teams.decisionCountyOnly', 'endDecision');
  await execute(tx, lockTeam(posting.teamId));
  const [others, village] = await Promise.all([
    tx.posting.count({ where: { teamId: posting.teamId, endedOn: null, id: { not: posting.id } } }),
    tx.region.findUniqueOrThrow({
      where: { code: posting.villageCode },
      select: { isPoorVillage: true, exitedYear: true },
    }),
  ]);
  if (others === 0 && village.isPoorVillage && village.exitedYear === null && !decision)
    // The decision field is the county's: a township user reads the refusal above the form.
    throw new RefusedError('teams.lastBeforeExit', viewer.scopeCode.length <= 6 ? 'endDecision' : undefined);
}

/**
 * A recall (召回, lib/inspections): the member's active posting ends on the day held, and a request goes to
 * their dispatching unit for someone in their place (seed 002: 召回第一书记), open until a posting fills it.
 * The team may be left empty for now: the open request is its replacement under way.
 */
export async function recallPosting(
  tx: Tx,
  posting: {
    id: number;
    teamId: number;
    cadreId: number;
    villageCode: string;
    unitId: number;
    role: TeamRole;
    startDate: Date;
  },
  recall: { followUpId: number; heldOn: string; reason: string },
) {
  await execute(tx, lockCadre(posting.cadreId));
  if (recall.heldOn < isoDay(posting.startDate)) throw new RefusedError('teams.endBeforeStart', 'heldOn');
  await assertNoRecordsAfter(tx, posting.id, recall.heldOn, 'heldOn');
  const ended = await tx.posting.updateMany({
    where: { id: posting.id, endedOn: null },
    data: { endedOn: dayOf(recall.heldOn), endReason: recall.reason, version: { increment: 1 } },
  });
  if (ended.count === 0) throw new ConflictError();
  return tx.replacementRequest.create({
    data: {
      teamId: posting.teamId,
      villageCode: posting.villageCode,
      unitId: posting.unitId,
      role: posting.role,
      followUpId: recall.followUpId,
      recalledPostingId: posting.id,
      openedOn: dayOf(recall.heldOn),
    },
  });
}

/** A new posting fills the team's oldest open replacement request, one for the same role first. */
async function fillReplacement(tx: Tx, teamId: number, posting: { id: number; role: TeamRole; startDate: Date }) {
  const open = await tx.replacementRequest.findMany({
    where: { teamId, filledPostingId: null },
    orderBy: [{ openedOn: 'asc' }, { id: 'asc' }],
  });
  const request = open.find((r) => r.role === posting.role) ?? open[0];
  if (!request) return null;
  await tx.replacementRequest.update({
    where: { id: request.id },
    data: { filledPostingId: posting.id, filledOn: posting.startDate },
  });
  return request.id;
}

/** Ends a posting on a day it has happened (or its planned end); an early end says why. */
export async function endPosting({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof endPostingSchema>>): Promise<CommandOutcome> {
  const posting = await findPosting(tx, viewer, input.postingId);
  // Check-ins and the month grid lock the cadre too: no day can slip in after the end while this runs.
  await execute(tx, lockCadre(posting.cadreId));
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
  await assertNoRecordsAfter(tx, posting.id, input.endedOn, 'endedOn');
  await assertNotWithdrawn(tx, viewer, posting, input.endDecision);
  const updated = await tx.posting.updateMany({
    where: { id: posting.id, version: input.version },
    data: {
      endedOn: dayOf(input.endedOn),
      endReason: input.endReason ?? null,
      endDecision: input.endDecision ?? null,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) throw new ConflictError();
  return {
    entity: 'Posting',
    entityId: posting.id,
    regionCode: posting.villageCode,
    changes: {
      endedOn: input.endedOn,
      endReason: input.endReason ?? null,
      early: input.endedOn < plannedEnd,
      ...(input.endDecision ? { endDecision: input.endDecision } : {}),
    },
    message: 'teams.postingEnded',
  };
}

/** The county office confirms a leader or deputy has left their original post (seed 001). */
export async function confirmDetached({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof confirmDetachedSchema>>): Promise<CommandOutcome> {
  if (viewer.scopeCode.length > 6) throw new RefusedError('teams.countyUsersOnly');
  const posting = await findPosting(tx, viewer, input.postingId);
  if (!FULL_TIME_ROLES.includes(posting.role)) throw new RefusedError('teams.onlyLeaderDetached');
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
}

/**
 * A cadre's activity record. A technician's session or day in households: a TECHNICIAN posting of theirs in
 * the viewer's area that day (a team leader or member records for their village). Training: for a member
 * with a posting in the area, by the county or township office. A Tuesday work day: a cadre of the county in
 * a village of the viewer's area, by the office.
 */
export async function recordActivity({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof recordActivitySchema>>): Promise<CommandOutcome> {
  if (input.day > chinaToday()) throw new RefusedError('teams.activityInFuture', 'day');
  const office = viewer.scopeCode.length <= 9;
  // Cadres are kept per county: a township or village user records for the county's.
  const county = viewer.scopeCode.slice(0, 6);
  const cadre = await tx.cadre.findFirst({ where: { id: input.cadreId, regionCode: { startsWith: county } } });
  if (!cadre) throw new NotFoundError();
  let villageCode: string;
  if (input.kind === 'GUIDANCE_SESSION' || input.kind === 'FARM_DAY') {
    const day = dayOf(input.day);
    const posting = await tx.posting.findFirst({
      where: {
        cadreId: cadre.id,
        role: 'TECHNICIAN',
        ...scope.posting(viewer),
        startDate: { lte: day },
        OR: [{ endedOn: null, plannedEndDate: { gte: day } }, { endedOn: { gte: day } }],
      },
    });
    if (!posting) throw new RefusedError('teams.notTechnicianThatDay', 'cadreId');
    villageCode = posting.villageCode;
  } else if (!office) {
    throw new RefusedError('teams.officeRecordsOnly', 'kind');
  } else if (input.kind === 'WORK_DAY') {
    const code = input.villageCode ?? '';
    if (!isWithinScope(code, viewer.scopeCode)) throw new RefusedError('errors.invalidChoice', 'villageCode');
    if (!(await tx.region.findFirst({ where: { code, level: 'VILLAGE' } })))
      throw new RefusedError('errors.invalidChoice', 'villageCode');
    villageCode = code;
  } else {
    const posting = await tx.posting.findFirst({
      where: { cadreId: cadre.id, ...scope.posting(viewer) },
      orderBy: { startDate: 'desc' },
    });
    if (!posting) throw new RefusedError('inspections.notOnTeam', 'cadreId');
    villageCode = posting.villageCode;
  }
  // One day in households and one work day per person per day (a unique index backs this up).
  await execute(tx, lockCadre(cadre.id));
  if (
    (input.kind === 'FARM_DAY' || input.kind === 'WORK_DAY') &&
    (await tx.cadreActivity.findFirst({ where: { cadreId: cadre.id, kind: input.kind, day: dayOf(input.day) } }))
  )
    throw new RefusedError('teams.activityExists', 'day');
  const row = await tx.cadreActivity.create({
    data: {
      cadreId: cadre.id,
      kind: input.kind,
      day: dayOf(input.day),
      days: input.days ?? 1,
      villageCode,
      note: input.note ?? null,
      createdById: viewer.userId,
    },
  });
  return {
    entity: 'CadreActivity',
    entityId: row.id,
    regionCode: villageCode,
    changes: { cadreId: cadre.id, kind: input.kind, day: input.day, days: row.days },
    message: 'teams.activitySaved',
  };
}
