'use server';
import 'server-only';
import { action } from '@/lib/action';
import { diffFields } from '@/lib/audit/rules';
import type { Viewer } from '@/lib/auth/data';
import type { Tx } from '@/lib/db';
import type { HouseholdStatus } from '@/lib/enums';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import { POOR_STATUSES } from '@/lib/households/rules';
import { encryptText, lookupHash } from '@/lib/personal-data';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { chinaToday, chinaYear, dayOf } from '@/lib/time';
import { PAIRABLE_STATUSES, quotaOf } from './rules';
import {
  confirmProposalSchema,
  createCadreSchema,
  endPairingSchema,
  pairSchema,
  reassignSchema,
  removeLiaisonSchema,
  setLiaisonSchema,
  updateCadreSchema,
} from './schema';

const countyOf = (code: string) => code.slice(0, 6);

async function policyOf(tx: Tx, countyCode: string) {
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
      scopeCode: { startsWith: viewer.scopeCode },
      role: { in: ['PAIRING_CADRE', 'TEAM_LEADER', 'TEAM_MEMBER'] },
      disabled: false,
    },
    include: { cadre: true },
  });
  if (!user || (user.cadre && user.cadre.id !== cadreId)) throw new RefusedError('pairings.accountTaken', 'userId');
}

export const createCadre = action('cadre.create', 'cadre.manage', createCadreSchema, async ({ viewer, input, tx }) => {
  const county = viewerCounty(viewer);
  // Kept by the county, or by one of its townships (township cadres cover the households left over).
  if (!input.regionCode.startsWith(viewer.scopeCode) || input.regionCode.length > 9)
    throw new RefusedError('errors.invalidChoice', 'regionCode');
  if (!(await tx.region.findUnique({ where: { code: input.regionCode } })))
    throw new RefusedError('errors.invalidChoice', 'regionCode');
  await assertUnit(tx, input.unitId, county);
  const hash = lookupHash(input.idNumber);
  // Serialises two clerks adding the same person at once (the unique key would otherwise answer "system error").
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${hash}))`;
  if (await tx.cadre.findUnique({ where: { idNumberHash: hash } }))
    throw new RefusedError('pairings.cadreExists', 'idNumber');
  if (input.userId) await assertAccount(tx, viewer, input.userId);
  const cadre = await tx.cadre.create({
    data: {
      regionCode: input.regionCode,
      name: input.name,
      unitId: input.unitId,
      rank: input.rank,
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
});

async function findCadre(tx: Tx, viewer: Viewer, id: number) {
  // A township user sees the county's cadres too (they pair households with them) but edits only its own.
  const cadre = await tx.cadre.findFirst({ where: { id, regionCode: { startsWith: viewer.scopeCode.slice(0, 6) } } });
  if (!cadre) throw new NotFoundError();
  return cadre;
}

export const updateCadre = action('cadre.update', 'cadre.manage', updateCadreSchema, async ({ viewer, input, tx }) => {
  const cadre = await findCadre(tx, viewer, input.id);
  if (!cadre.regionCode.startsWith(viewer.scopeCode)) throw new RefusedError('pairings.notYourCadre');
  await assertUnit(tx, input.unitId, countyOf(cadre.regionCode));
  if (input.userId) await assertAccount(tx, viewer, input.userId, cadre.id);
  await tx.$executeRaw`SELECT 1 FROM cadre WHERE id = ${cadre.id} FOR UPDATE`; // as pairAll locks before counting
  const used = await tx.pairing.count({ where: { cadreId: cadre.id, endedOn: null } });
  const quota = quotaOf(input.rank, await policyOf(tx, countyOf(cadre.regionCode)));
  if (used > quota) throw new RefusedError('pairings.rankBelowUsed', 'rank', { used, quota });
  const fields = { name: input.name, unitId: input.unitId, rank: input.rank, userId: input.userId ?? null };
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
});

export const setLiaison = action('liaison.set', 'cadre.manage', setLiaisonSchema, async ({ viewer, input, tx }) => {
  if (!input.villageCode.startsWith(viewer.scopeCode)) throw new NotFoundError();
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
});

export const removeLiaison = action(
  'liaison.remove',
  'cadre.manage',
  removeLiaisonSchema,
  async ({ viewer, input, tx }) => {
    const row = await tx.villageLiaison.findFirst({
      where: { id: input.id, villageCode: { startsWith: viewer.scopeCode } },
    });
    if (!row) throw new NotFoundError();
    await tx.villageLiaison.delete({ where: { id: row.id } });
    return {
      entity: 'VillageLiaison',
      entityId: row.id,
      regionCode: row.villageCode,
      changes: { unitId: row.unitId, removed: true },
      message: 'pairings.liaisonRemoved',
    };
  },
);

/**
 * Pairs households with cadres, all or nothing: every household inside the viewer's area, on the
 * register and without a cadre; every cadre active, of the household's county, not from a poor
 * household, and within their quota counting this batch. Cadre rows are locked (in id order, so two
 * batches cannot deadlock) before their pairings are counted, so two clerks cannot both fill the
 * last place.
 */
async function pairAll(tx: Tx, viewer: Viewer, pairs: readonly (readonly [number, number])[], field: string) {
  const householdIds = pairs.map(([h]) => h);
  const cadreIds = [...new Set(pairs.map(([, c]) => c))].sort((a, b) => a - b);
  for (const id of cadreIds) await tx.$executeRaw`SELECT 1 FROM cadre WHERE id = ${id} FOR UPDATE`;
  const [households, cadres, used, active] = await Promise.all([
    tx.household.findMany({
      where: { id: { in: householdIds }, regionCode: { startsWith: viewer.scopeCode } },
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
  const policies = new Map<string, Awaited<ReturnType<typeof policyOf>>>();
  const today = chinaToday();
  const rows = [];
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
    if (!policies.has(county)) policies.set(county, await policyOf(tx, county));
    const quota = quotaOf(cadre.rank, policies.get(county)!);
    const now = (usedBy.get(cadreId) ?? 0) + 1;
    if (now > quota) throw new RefusedError('pairings.quotaFull', field, { cadre: cadre.name, quota });
    usedBy.set(cadreId, now);
    rows.push({ householdId, cadreId, regionCode: household.regionCode, startedOn: dayOf(today) });
  }
  await tx.pairing.createMany({ data: rows });
  return rows;
}

export const pairHousehold = action('pairing.create', 'pairing.manage', pairSchema, async ({ viewer, input, tx }) => {
  const [row] = await pairAll(tx, viewer, [[input.householdId, input.cadreId]], 'cadreId');
  return {
    entity: 'Pairing',
    entityId: `${input.householdId}:${input.cadreId}`,
    regionCode: row.regionCode,
    changes: { householdId: input.householdId, cadreId: input.cadreId },
    message: 'pairings.paired',
  };
});

export const endPairing = action('pairing.end', 'pairing.manage', endPairingSchema, async ({ viewer, input, tx }) => {
  const pairing = await tx.pairing.findFirst({
    where: { id: input.pairingId, regionCode: { startsWith: viewer.scopeCode } },
  });
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
});

export const confirmProposal = action(
  'pairing.confirmProposal',
  'pairing.manage',
  confirmProposalSchema,
  async ({ viewer, input, tx }) => {
    if (!input.area.startsWith(viewer.scopeCode)) throw new NotFoundError();
    const rows = await pairAll(tx, viewer, input.pairs, 'pairs');
    if (rows.some((row) => !row.regionCode.startsWith(input.area)))
      throw new RefusedError('pairings.householdOutside', 'pairs', { id: '' });
    return {
      entity: 'Pairing',
      regionCode: input.area,
      changes: { pairs: input.pairs.length },
      message: 'pairings.proposalConfirmed',
      data: { count: String(rows.length) },
    };
  },
);

export const reassignCadre = action(
  'pairing.reassign',
  'pairing.manage',
  reassignSchema,
  async ({ viewer, input, tx }) => {
    const cadre = await findCadre(tx, viewer, input.cadreId);
    // No pairing of theirs may appear while their households are handed on. The departing cadre and the
    // new ones are locked together in id order, as pairAll locks, so the two cannot deadlock.
    for (const id of [...new Set([cadre.id, ...input.pairs.map(([, c]) => c)])].sort((a, b) => a - b)) {
      await tx.$executeRaw`SELECT 1 FROM cadre WHERE id = ${id} FOR UPDATE`;
    }
    const current = await tx.pairing.findMany({
      where: { cadreId: cadre.id, endedOn: null, regionCode: { startsWith: viewer.scopeCode } },
    });
    const handed = new Set(input.pairs.map(([h]) => h));
    // One step means all of them: a household left without its cadre is the gap this flow exists to avoid.
    if (current.length !== handed.size || current.some((p) => !handed.has(p.householdId)))
      throw new RefusedError('pairings.proposalStale', 'pairs');
    if (input.pairs.some(([, c]) => c === cadre.id)) throw new RefusedError('pairings.sameCadre', 'pairs');
    if (input.markLeft) {
      // Marking someone as left is for the office that keeps them, and only once nobody is left paired to them.
      if (!cadre.regionCode.startsWith(viewer.scopeCode)) throw new RefusedError('pairings.notYourCadre', 'markLeft');
      const elsewhere = await tx.pairing.count({
        where: { cadreId: cadre.id, endedOn: null, NOT: { regionCode: { startsWith: viewer.scopeCode } } },
      });
      if (elsewhere > 0) throw new RefusedError('pairings.pairedElsewhere', 'markLeft', { count: elsewhere });
    }
    const today = dayOf(chinaToday());
    await tx.pairing.updateMany({
      where: { id: { in: current.map((p) => p.id) } },
      data: { endedOn: today, endReason: input.reason },
    });
    await pairAll(tx, viewer, input.pairs, 'pairs');
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
  },
);
