// Pairings' writes: cadres, liaison units, pairing households within the rank quotas, ending a pairing,
// confirming a proposal, handing a departing cadre's households on, and the roster export with its audit
// row. Each command runs inside the caller's transaction and returns what it did for the audit row;
// lib/pairings/actions.ts wires them to forms.
import 'server-only';
import type { z } from 'zod';
import { writeAuditNow } from '@/lib/audit/data';
import { diffFields } from '@/lib/audit/rules';
import type { Viewer } from '@/lib/auth/data';
import type { CommandContext, CommandOutcome } from '@/lib/command';
import { db, execute, rows as sqlRows, type Tx } from '@/lib/db';
import type { HouseholdStatus, LeaderRole } from '@/lib/enums';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import { needsLiaison, POOR_STATUSES } from '@/lib/households/rules';
import type { Locale } from '@/lib/i18n/locales';
import { translateKey } from '@/lib/i18n/messages';
import { encryptText, lookupHash } from '@/lib/personal-data';
import { DEFAULT_POLICY, type PolicyValues } from '@/lib/policy/rules';
import { isWithinScope } from '@/lib/regions/rules';
import { scope } from '@/lib/regions/scope';
import { lockCadre } from '@/lib/teams/sql';
import { chinaToday, chinaYear, dayOf } from '@/lib/time';
import { pairingRosterRows } from './data';
import { ownNumber, PAIRABLE_STATUSES, quotaFor } from './rules';
import type {
  confirmProposalSchema,
  createCadreSchema,
  endPairingSchema,
  householdLiaisonSchema,
  leaderVillageSchema,
  pairSchema,
  reassignSchema,
  removeLeaderVillageSchema,
  removeLiaisonSchema,
  setLiaisonSchema,
  updateCadreSchema,
  villageLiaisonsSchema,
} from './schema';
import { pairingRosterXlsx, ROSTER_COLUMNS, type RosterSheetLabels } from './sheet';
import { candidateCadres, lockIdNumber } from './sql';

type Context<S extends z.ZodType> = CommandContext<z.output<S>>;

const countyOf = (code: string) => code.slice(0, 6);

async function policyOf(tx: Tx, countyCode: string): Promise<PolicyValues> {
  const year = chinaYear();
  return (await tx.policy.findUnique({ where: { countyCode_year: { countyCode, year } } })) ?? DEFAULT_POLICY;
}

/** The county a viewer's cadre records live in; users above a county keep none. */
function viewerCounty(viewer: Viewer): string {
  if (viewer.scopeCode.length < 6) throw new RefusedError('pairings.countyUsersOnly');
  return countyOf(viewer.scopeCode);
}

async function assertUnit(tx: Tx, unitId: number, countyCode: string) {
  const unit = await tx.unit.findFirst({ where: { id: unitId, countyCode } });
  if (!unit) throw new RefusedError('errors.invalidChoice', 'unitId');
  return unit;
}

/** A login for "my households": a pairing cadre or team account inside the viewer's area, not linked to anyone else. */
async function assertAccount(tx: Tx, viewer: Viewer, userId: number, cadreId?: number) {
  const user = await tx.user.findFirst({
    where: {
      id: userId,
      ...scope.user(viewer),
      role: { in: ['PAIRING_CADRE', 'TEAM_LEADER', 'TEAM_MEMBER'] },
      disabled: false,
    },
    include: { cadre: true },
  });
  if (!user || (user.cadre && user.cadre.id !== cadreId)) throw new RefusedError('pairings.accountTaken', 'userId');
}

/** A cadre of the viewer's county: a township user sees the county's cadres too (they pair households with them). */
async function findCadre(tx: Tx, viewer: Viewer, id: number) {
  const cadre = await tx.cadre.findFirst({ where: { id, ...scope.cadre({ scopeCode: countyOf(viewer.scopeCode) }) } });
  if (!cadre) throw new NotFoundError();
  return cadre;
}

// ─────────────────────────── Cadres and liaison units ───────────────────────────

/** The leader role to keep: unchanged when the form leaves it out; set or cleared by county users only. */
function leaderRoleOf(viewer: Viewer, asked: LeaderRole | null | undefined, current: LeaderRole | null) {
  if (asked === undefined || asked === current) return current;
  if (viewer.scopeCode.length > 6) throw new RefusedError('pairings.leaderCountyOnly', 'leaderRole');
  return asked;
}

/** A cadre kept by the viewer's county, or by one of its townships (township cadres cover the households left over). */
export async function createCadre({ viewer, input, tx }: Context<typeof createCadreSchema>): Promise<CommandOutcome> {
  const county = viewerCounty(viewer);
  if (!isWithinScope(input.regionCode, viewer.scopeCode) || input.regionCode.length > 9)
    throw new RefusedError('errors.invalidChoice', 'regionCode');
  if (!(await tx.region.findUnique({ where: { code: input.regionCode } })))
    throw new RefusedError('errors.invalidChoice', 'regionCode');
  await assertUnit(tx, input.unitId, county);
  const hash = lookupHash(input.idNumber);
  // Serialises two clerks adding the same person at once (the unique key would otherwise answer "system error").
  await execute(tx, lockIdNumber(hash));
  if (await tx.cadre.findUnique({ where: { idNumberHash: hash } }))
    throw new RefusedError('pairings.cadreExists', 'idNumber');
  if (input.userId) await assertAccount(tx, viewer, input.userId);
  const cadre = await tx.cadre.create({
    data: {
      regionCode: input.regionCode,
      name: input.name,
      unitId: input.unitId,
      rank: input.rank,
      leaderRole: leaderRoleOf(viewer, input.leaderRole, null),
      userId: input.userId ?? null,
      phoneEnc: input.phone ? encryptText(input.phone) : null,
      idNumberEnc: encryptText(input.idNumber),
      idNumberHash: hash,
      idLast4: input.idNumber.slice(-4),
    },
  });
  return {
    entity: 'Cadre',
    entityId: cadre.id,
    regionCode: input.regionCode,
    changes: { name: input.name, rank: input.rank, unitId: input.unitId, idNumber: input.idNumber },
    message: 'pairings.cadreCreated',
    redirectTo: `/cadres/${cadre.id}`,
  };
}

/** A cadre's name, unit, rank, phone and login; the rank may not fall below the households paired now. */
export async function updateCadre({ viewer, input, tx }: Context<typeof updateCadreSchema>): Promise<CommandOutcome> {
  const cadre = await findCadre(tx, viewer, input.id);
  // A township user edits only the cadres its township keeps.
  if (!isWithinScope(cadre.regionCode, viewer.scopeCode)) throw new RefusedError('pairings.notYourCadre');
  await assertUnit(tx, input.unitId, countyOf(cadre.regionCode));
  if (input.userId) await assertAccount(tx, viewer, input.userId, cadre.id);
  await execute(tx, lockCadre(cadre.id)); // as pairAll locks before counting
  const used = await tx.pairing.count({ where: { cadreId: cadre.id, endedOn: null } });
  // Checked when the rank changes, so a township cadre carrying leftovers beyond their rank (the backstop)
  // can still have their name or phone corrected.
  const leaderRole = leaderRoleOf(viewer, input.leaderRole, cadre.leaderRole);
  const quota = ownNumber(input.rank, leaderRole, await policyOf(tx, countyOf(cadre.regionCode)));
  if ((input.rank !== cadre.rank || leaderRole !== cadre.leaderRole) && used > quota)
    throw new RefusedError('pairings.rankBelowUsed', 'rank', { used, quota });
  const fields = { name: input.name, unitId: input.unitId, rank: input.rank, leaderRole, userId: input.userId ?? null };
  const updated = await tx.cadre.updateMany({
    where: { id: cadre.id, version: input.version },
    data: {
      ...fields,
      ...(input.phone !== undefined ? { phoneEnc: encryptText(input.phone) } : {}),
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) throw new ConflictError();
  return {
    entity: 'Cadre',
    entityId: cadre.id,
    regionCode: cadre.regionCode,
    changes: diffFields(cadre, fields),
    message: 'common.saved',
  };
}

/** A liaison unit (联村单位) of a village of the viewer's area. */
export async function setLiaison({ viewer, input, tx }: Context<typeof setLiaisonSchema>): Promise<CommandOutcome> {
  if (!isWithinScope(input.villageCode, viewer.scopeCode)) throw new NotFoundError();
  const village = await tx.region.findFirst({ where: { code: input.villageCode, level: 'VILLAGE' } });
  if (!village) throw new NotFoundError();
  await assertUnit(tx, input.unitId, countyOf(village.code));
  if (
    await tx.villageLiaison.findUnique({
      where: { villageCode_unitId: { villageCode: village.code, unitId: input.unitId } },
    })
  )
    throw new RefusedError('pairings.liaisonExists', 'unitId');
  const row = await tx.villageLiaison.create({ data: { villageCode: village.code, unitId: input.unitId } });
  return {
    entity: 'VillageLiaison',
    entityId: row.id,
    regionCode: village.code,
    changes: { unitId: input.unitId },
    message: 'pairings.liaisonSet',
  };
}

export async function removeLiaison({
  viewer,
  input,
  tx,
}: Context<typeof removeLiaisonSchema>): Promise<CommandOutcome> {
  const row = await tx.villageLiaison.findFirst({ where: { id: input.id, ...scope.villageLiaison(viewer) } });
  if (!row) throw new NotFoundError();
  await tx.villageLiaison.delete({ where: { id: row.id } });
  return {
    entity: 'VillageLiaison',
    entityId: row.id,
    regionCode: row.villageCode,
    changes: { unitId: row.unitId, removed: true },
    message: 'pairings.liaisonRemoved',
  };
}

/** A poor village of the county a county-level leader takes in hand (包抓, seed 002); the county office records it. */
export async function addLeaderVillage({
  viewer,
  input,
  tx,
}: Context<typeof leaderVillageSchema>): Promise<CommandOutcome> {
  if (viewer.scopeCode.length > 6) throw new RefusedError('pairings.leaderCountyOnly');
  const cadre = await findCadre(tx, viewer, input.cadreId);
  if (!cadre.leaderRole) throw new RefusedError('pairings.notALeader', 'cadreId');
  const village = isWithinScope(input.villageCode, viewer.scopeCode)
    ? await tx.region.findFirst({ where: { code: input.villageCode, level: 'VILLAGE' } })
    : null;
  if (!village) throw new RefusedError('errors.invalidChoice', 'villageCode');
  if (!village.isPoorVillage) throw new RefusedError('pairings.notPoorVillage', 'villageCode');
  const existing = await tx.leaderVillage.findUnique({
    where: { cadreId_villageCode: { cadreId: cadre.id, villageCode: village.code } },
  });
  if (existing) throw new RefusedError('pairings.leaderVillageExists', 'villageCode');
  const row = await tx.leaderVillage.create({
    data: { cadreId: cadre.id, villageCode: village.code, since: dayOf(chinaToday()) },
  });
  return {
    entity: 'LeaderVillage',
    entityId: row.id,
    regionCode: village.code,
    changes: { cadreId: cadre.id, villageCode: village.code },
    message: 'pairings.leaderVillageAdded',
  };
}

export async function removeLeaderVillage({
  viewer,
  input,
  tx,
}: Context<typeof removeLeaderVillageSchema>): Promise<CommandOutcome> {
  if (viewer.scopeCode.length > 6) throw new RefusedError('pairings.leaderCountyOnly');
  const row = await tx.leaderVillage.findFirst({
    where: { id: input.id, villageCode: { startsWith: viewer.scopeCode } },
  });
  if (!row) throw new NotFoundError();
  await tx.leaderVillage.delete({ where: { id: row.id } });
  return {
    entity: 'LeaderVillage',
    entityId: row.id,
    regionCode: row.villageCode,
    changes: { cadreId: row.cadreId, villageCode: row.villageCode, removed: true },
    message: 'pairings.leaderVillageRemoved',
  };
}

// ─────────────────────────── Liaison cadres (联户干部) ───────────────────────────

/** An active cadre of the household's county, for a liaison. */
async function liaisonCadre(tx: Tx, viewer: Viewer, cadreId: number, villageCode: string) {
  const cadre = await findCadre(tx, viewer, cadreId);
  if (!cadre.regionCode.startsWith(countyOf(villageCode))) throw new RefusedError('pairings.cadreOutside', 'cadreId');
  if (!cadre.active) throw new RefusedError('pairings.cadreInactive', 'cadreId', { cadre: cadre.name });
  return cadre;
}

/**
 * A household no responsible cadre helps gets a liaison cadre (seed 000's 两个全覆盖 of all households); one
 * already there is replaced, ended today.
 */
export async function setHouseholdLiaison({
  viewer,
  input,
  tx,
}: Context<typeof householdLiaisonSchema>): Promise<CommandOutcome> {
  const household = await tx.household.findFirst({ where: { id: input.householdId, ...scope.household(viewer) } });
  if (!household) throw new NotFoundError();
  if (!needsLiaison(household.status)) throw new RefusedError('pairings.liaisonNotForHelped', 'cadreId');
  const cadre = await liaisonCadre(tx, viewer, input.cadreId, household.regionCode);
  const today = dayOf(chinaToday());
  const current = await tx.householdLiaison.findFirst({ where: { householdId: household.id, endedOn: null } });
  if (current?.cadreId === cadre.id) throw new RefusedError('pairings.sameLiaison', 'cadreId');
  if (current) await tx.householdLiaison.update({ where: { id: current.id }, data: { endedOn: today } });
  const row = await tx.householdLiaison.create({
    data: { householdId: household.id, cadreId: cadre.id, regionCode: household.regionCode, startedOn: today },
  });
  return {
    entity: 'HouseholdLiaison',
    entityId: row.id,
    regionCode: household.regionCode,
    changes: { householdId: household.id, cadreId: cadre.id, replaced: current?.cadreId ?? null },
    message: 'pairings.householdLiaisonSet',
  };
}

/** The cadre becomes the liaison of every household of the village that needs one and has none. */
export async function assignVillageLiaisons({
  viewer,
  input,
  tx,
}: Context<typeof villageLiaisonsSchema>): Promise<CommandOutcome> {
  if (!isWithinScope(input.villageCode, viewer.scopeCode)) throw new NotFoundError();
  const cadre = await liaisonCadre(tx, viewer, input.cadreId, input.villageCode);
  const households = await tx.household.findMany({
    where: { regionCode: input.villageCode, liaisons: { none: { endedOn: null } } },
    select: { id: true, status: true },
  });
  const due = households.filter((h) => needsLiaison(h.status));
  const today = dayOf(chinaToday());
  await tx.householdLiaison.createMany({
    data: due.map((h) => ({ householdId: h.id, cadreId: cadre.id, regionCode: input.villageCode, startedOn: today })),
  });
  return {
    entity: 'HouseholdLiaison',
    regionCode: input.villageCode,
    changes: { cadreId: cadre.id, households: due.length },
    message: 'pairings.villageLiaisonsSet',
    data: { count: String(due.length) },
  };
}

// ─────────────────────────── Pairings ───────────────────────────

/**
 * Pairs households with cadres, all or nothing: every household inside the viewer's area, on the
 * register and without a cadre; every cadre active, of the household's county, not from a poor
 * household, and within their quota counting this batch. Cadre rows are locked (in id order, so two
 * batches cannot deadlock) before their pairings are counted, so two clerks cannot both fill the
 * last place.
 */
async function pairAll(
  tx: Tx,
  viewer: Viewer,
  pairs: readonly (readonly [number, number])[],
  field: string,
  departing?: number,
) {
  const householdIds = pairs.map(([h]) => h);
  const cadreIds = [...new Set(pairs.map(([, c]) => c))].sort((a, b) => a - b);
  for (const id of cadreIds) await execute(tx, lockCadre(id));
  const [households, cadres, used, active] = await Promise.all([
    tx.household.findMany({
      where: { id: { in: householdIds }, ...scope.household(viewer) },
      select: { id: true, regionCode: true, status: true, headName: true },
    }),
    tx.cadre.findMany({ where: { id: { in: cadreIds } } }),
    tx.pairing.groupBy({
      by: ['cadreId'],
      where: { cadreId: { in: cadreIds }, endedOn: null },
      _count: { _all: true },
    }),
    tx.pairing.findMany({ where: { householdId: { in: householdIds }, endedOn: null }, select: { householdId: true } }),
  ]);
  const householdById = new Map(households.map((h) => [h.id, h]));
  const cadreById = new Map(cadres.map((c) => [c.id, c]));
  const usedBy = new Map(used.map((u) => [u.cadreId, u._count._all]));
  const paired = new Set(active.map((p) => p.householdId));
  const hashes = cadres.map((c) => c.idNumberHash).filter((h): h is string => h !== null);
  const poor = new Set(
    hashes.length === 0
      ? []
      : (
          await tx.person.findMany({
            where: { idNumberHash: { in: hashes }, household: { status: { in: [...POOR_STATUSES] } } },
            select: { idNumberHash: true },
          })
        ).map((p) => p.idNumberHash),
  );
  const policies = new Map<string, PolicyValues>();
  const today = chinaToday();
  const rows = [];
  const backstop: { county: string; name: string; quota: number }[] = [];
  for (const [householdId, cadreId] of pairs) {
    const household = householdById.get(householdId);
    if (!household) throw new RefusedError('pairings.householdOutside', field, { id: householdId });
    if (!(PAIRABLE_STATUSES as readonly HouseholdStatus[]).includes(household.status))
      throw new RefusedError('pairings.notRegistered', field, { name: household.headName });
    if (paired.has(householdId)) throw new RefusedError('pairings.alreadyPaired', field, { name: household.headName });
    const cadre = cadreById.get(cadreId);
    const county = countyOf(household.regionCode);
    if (!cadre?.regionCode.startsWith(county)) throw new RefusedError('pairings.cadreOutside', field);
    if (!cadre.active) throw new RefusedError('pairings.cadreInactive', field, { cadre: cadre.name });
    if (cadre.idNumberHash && poor.has(cadre.idNumberHash))
      throw new RefusedError('pairings.cadreIsPoor', field, { cadre: cadre.name });
    let policy = policies.get(county);
    if (!policy) {
      policy = await policyOf(tx, county);
      policies.set(county, policy);
    }
    const byRank = ownNumber(cadre.rank, cadre.leaderRole, policy);
    const cap = quotaFor(cadre.rank, cadre.regionCode, household.regionCode, policy, cadre.leaderRole);
    const now = (usedBy.get(cadreId) ?? 0) + 1;
    if (now > cap) throw new RefusedError('pairings.quotaFull', field, { cadre: cadre.name, quota: cap });
    if (now > byRank) backstop.push({ county, name: cadre.name, quota: byRank });
    usedBy.set(cadreId, now);
    rows.push({ householdId, cadreId, regionCode: household.regionCode, startedOn: dayOf(today) });
  }
  // Beyond the rank's number only for what is left over: once no cadre of the county has a place by rank,
  // counting this batch (seed 001: 剩余贫困户由乡镇驻村干部兜底). Otherwise the rank's number is full.
  for (const county of new Set(backstop.map((b) => b.county))) {
    const policy = policies.get(county) ?? DEFAULT_POLICY;
    const pool = await sqlRows(tx, candidateCadres(county, departing ?? 0, POOR_STATUSES));
    const room = pool.reduce(
      (sum, c) => sum + Math.max(0, ownNumber(c.rank, c.leader_role, policy) - (usedBy.get(c.id) ?? c.used)),
      0,
    );
    const first = backstop.find((b) => b.county === county);
    if (room > 0 && first)
      throw new RefusedError('pairings.quotaFull', field, { cadre: first.name, quota: first.quota });
  }
  await tx.pairing.createMany({ data: rows });
  // A plan made before the household had a cadre (imported with the roster) names its first paired cadre.
  const cadreOf = new Map(rows.map((r) => [r.householdId, r.cadreId]));
  const unnamed = await tx.helpPlan.findMany({
    where: { householdId: { in: [...cadreOf.keys()] }, cadreId: null, year: chinaYear() },
    select: { id: true, householdId: true },
  });
  for (const plan of unnamed)
    await tx.helpPlan.update({ where: { id: plan.id }, data: { cadreId: cadreOf.get(plan.householdId) } });
  return rows;
}

export async function pairHousehold({ viewer, input, tx }: Context<typeof pairSchema>): Promise<CommandOutcome> {
  const [row] = await pairAll(tx, viewer, [[input.householdId, input.cadreId]], 'cadreId');
  return {
    entity: 'Pairing',
    entityId: `${input.householdId}:${input.cadreId}`,
    regionCode: row.regionCode,
    changes: { householdId: input.householdId, cadreId: input.cadreId },
    message: 'pairings.paired',
  };
}

export async function endPairing({ viewer, input, tx }: Context<typeof endPairingSchema>): Promise<CommandOutcome> {
  const pairing = await tx.pairing.findFirst({ where: { id: input.pairingId, ...scope.pairing(viewer) } });
  if (!pairing) throw new NotFoundError();
  if (pairing.endedOn) throw new RefusedError('pairings.alreadyEnded');
  const ended = await tx.pairing.updateMany({
    where: { id: pairing.id, endedOn: null },
    data: { endedOn: dayOf(chinaToday()), endReason: input.reason },
  });
  if (ended.count === 0) throw new RefusedError('pairings.alreadyEnded');
  return {
    entity: 'Pairing',
    entityId: pairing.id,
    regionCode: pairing.regionCode,
    changes: { householdId: pairing.householdId, cadreId: pairing.cadreId, reason: input.reason },
    message: 'pairings.ended',
  };
}

/** A reviewed proposal of an area inside the viewer's, all or nothing (as pairAll). */
export async function confirmProposal({
  viewer,
  input,
  tx,
}: Context<typeof confirmProposalSchema>): Promise<CommandOutcome> {
  if (!isWithinScope(input.area, viewer.scopeCode)) throw new NotFoundError();
  const rows = await pairAll(tx, viewer, input.pairs, 'pairs');
  if (rows.some((row) => !isWithinScope(row.regionCode, input.area)))
    throw new RefusedError('pairings.householdOutside', 'pairs', { id: '' });
  return {
    entity: 'Pairing',
    regionCode: input.area,
    changes: { pairs: input.pairs.length },
    message: 'pairings.proposalConfirmed',
    data: { count: String(rows.length) },
  };
}

/**
 * A departing cadre: their pairings in the viewer's area end and each household goes to its proposed
 * cadre in one step; optionally the cadre is marked as left.
 */
export async function reassignCadre({ viewer, input, tx }: Context<typeof reassignSchema>): Promise<CommandOutcome> {
  const cadre = await findCadre(tx, viewer, input.cadreId);
  // No pairing of theirs may appear while their households are handed on. The departing cadre and the
  // new ones are locked together in id order, as pairAll locks, so the two cannot deadlock.
  for (const id of [...new Set([cadre.id, ...input.pairs.map(([, c]) => c)])].sort((a, b) => a - b)) {
    await execute(tx, lockCadre(id));
  }
  const current = await tx.pairing.findMany({ where: { cadreId: cadre.id, endedOn: null, ...scope.pairing(viewer) } });
  const handed = new Set(input.pairs.map(([h]) => h));
  // One step means all of them: a household left without its cadre is the gap this flow exists to avoid.
  if (current.length !== handed.size || current.some((p) => !handed.has(p.householdId)))
    throw new RefusedError('pairings.proposalStale', 'pairs');
  if (input.pairs.some(([, c]) => c === cadre.id)) throw new RefusedError('pairings.sameCadre', 'pairs');
  if (input.markLeft) {
    // Marking someone as left is for the office that keeps them, and only once nobody is left paired to them.
    if (!isWithinScope(cadre.regionCode, viewer.scopeCode)) throw new RefusedError('pairings.notYourCadre', 'markLeft');
    const elsewhere = await tx.pairing.count({
      where: { cadreId: cadre.id, endedOn: null, NOT: scope.pairing(viewer) },
    });
    if (elsewhere > 0) throw new RefusedError('pairings.pairedElsewhere', 'markLeft', { count: elsewhere });
  }
  const today = dayOf(chinaToday());
  await tx.pairing.updateMany({
    where: { id: { in: current.map((p) => p.id) } },
    data: { endedOn: today, endReason: input.reason },
  });
  await pairAll(tx, viewer, input.pairs, 'pairs', cadre.id);
  if (input.markLeft) {
    const updated = await tx.cadre.updateMany({
      where: { id: cadre.id, version: input.version },
      data: { active: false, leftOn: dayOf(input.leftOn), leftReason: input.reason, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError();
  }
  return {
    entity: 'Cadre',
    entityId: cadre.id,
    regionCode: cadre.regionCode,
    changes: { reassigned: input.pairs.map(([h, c]) => `${h}→${c}`), reason: input.reason, markLeft: input.markLeft },
    message: 'pairings.reassigned',
  };
}

// ─────────────────────────── The roster (结对帮扶花名册) ───────────────────────────

/**
 * The area's pairing roster as .xlsx, audited as an export (it names people): an audit row of its own,
 * written when the file is made. 403 without pairing.export.
 */
export async function exportPairingRoster(viewer: Viewer, area: string | undefined, locale: Locale) {
  const roster = await pairingRosterRows(viewer, area);
  const t = (key: string, params?: Record<string, string | number>) => translateKey(locale, key, params);
  const region = await db.region.findUnique({ where: { code: roster.area }, select: { name: true } });
  const title = t('pairings.sheetTitle', { area: region?.name ?? roster.area });
  const columns = Object.fromEntries(
    ROSTER_COLUMNS.map((k) => [k, t(`pairings.sheetColumns.${k}`)]),
  ) as RosterSheetLabels['columns'];
  const buffer = await pairingRosterXlsx(
    roster.rows.map((r) => ({ ...r, status: t(`households.statuses.${r.status}`), rank: t(`teams.ranks.${r.rank}`) })),
    { title, columns },
  );
  await writeAuditNow(
    { userId: viewer.userId, username: viewer.username, role: viewer.role },
    {
      action: 'pairing.exportRoster',
      result: 'OK',
      entity: 'Pairing',
      regionCode: roster.area,
      changes: { rows: roster.rows.length },
    },
  );
  return { buffer, fileName: `${title}.xlsx`, asciiFileName: `pairings-${roster.area}.xlsx` };
}
