// Cadres paired across townships and the ledger's combined filters (found in review): a county cadre
// whose account is scoped to one township logs visits to a household paired with them in another; a
// township user sees only its own households on a cadre's page, while the quota counts them all; the
// overdue filter narrows a status filter instead of replacing it. Own fixtures (990102101 58x, 990102102 58x).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getCadre } from '@/lib/pairings/data';
import { listProblems } from '@/lib/problems/data';
import { dayOf } from '@/lib/time';
import { createVisit } from '@/lib/visits/actions';
import { visitChoices } from '@/lib/visits/data';
import {
  makeProblem,
  makeProblemCadre,
  makeProblemHousehold,
  makeProblemUser,
  makeProblemVillage,
  removeProblemFixtures,
  shiftDay,
  today,
  trackVisit,
} from '../support/problems';
import { run, signInAs, TOWNSHIP_1, TOWNSHIP_2 } from './helpers';

const V1 = `${TOWNSHIP_1}581`;
const V2 = `${TOWNSHIP_2}581`;
let pairingId = 0;
let cadreId = 0;
let householdId = 0;
let username = '';

beforeAll(async () => {
  await makeProblemVillage(V1);
  await makeProblemVillage(V2);
  const user = await makeProblemUser({ role: 'PAIRING_CADRE', scopeCode: TOWNSHIP_2 });
  username = user.username;
  const cadre = await makeProblemCadre({ regionCode: '990102', userId: user.id, name: '跨乡干部' });
  cadreId = cadre.id;
  const household = await makeProblemHousehold(V1, { headName: '跨乡结对户' });
  householdId = household.id;
  pairingId = (await db.pairing.create({ data: { householdId, cadreId, regionCode: V1, startedOn: dayOf(today()) } }))
    .id;
});

afterAll(async () => {
  await db.pairing.deleteMany({ where: { id: pairingId } });
  await removeProblemFixtures();
});

describe('a cadre paired with a household outside their own scope', () => {
  it('finds it among their households and logs a visit to it', async () => {
    const viewer = await signInAs(username);
    const choices = await visitChoices(viewer, undefined, householdId);
    expect(choices.mine.map((h) => h.id)).toContain(householdId);
    expect(choices.chosen?.id).toBe(householdId);
    const clientKey = randomUUID();
    const state = await run(createVisit, {
      clientKey,
      householdId,
      visitedOn: today(),
      kind: 'IN_PERSON',
      findings: '跨乡走访',
    });
    expect(state).toMatchObject({ ok: true, message: '走访已保存' });
    const visit = await db.visit.findUniqueOrThrow({ where: { clientKey } });
    trackVisit(visit.id);
    expect(visit).toMatchObject({ householdId, visitorCadreId: cadreId, regionCode: V1 });
  });

  it('does not open other households of that township to them', async () => {
    const other = await makeProblemHousehold(V1, { headName: '非结对户' });
    const viewer = await signInAs(username);
    expect((await visitChoices(viewer, undefined, other.id)).chosen).toBeNull();
    const clientKey = randomUUID();
    expect(
      await run(createVisit, { clientKey, householdId: other.id, visitedOn: today(), kind: 'IN_PERSON' }),
    ).toMatchObject({ ok: false });
    expect(await db.visit.count({ where: { clientKey } })).toBe(0);
  });

  it("shows a township only its own households on the cadre's page, while the quota counts all", async () => {
    // Own accounts: other files move the seeded township users between townships.
    const one = await makeProblemUser({ role: 'TOWNSHIP_STAFF', scopeCode: TOWNSHIP_1 });
    const two = await makeProblemUser({ role: 'TOWNSHIP_STAFF', scopeCode: TOWNSHIP_2 });
    const inside = await getCadre(await signInAs(one.username), cadreId);
    expect(inside.pairings.map((p) => p.householdId)).toEqual([householdId]);
    const outside = await getCadre(await signInAs(two.username), cadreId);
    expect(outside.pairings).toEqual([]);
    expect(outside.used).toBe(1);
  });
});

describe('ledger filters', () => {
  it('narrows a status filter with "overdue" instead of replacing it', async () => {
    const viewer = await signInAs('county');
    const past = shiftDay(today(), -3);
    const open = await makeProblem({
      regionCode: V2,
      userId: viewer.userId,
      status: 'OPEN',
      foundOn: shiftDay(today(), -40),
      deadline: past,
    });
    await makeProblem({
      regionCode: V2,
      userId: viewer.userId,
      status: 'SOLVED',
      foundOn: shiftDay(today(), -40),
      deadline: past,
    });
    await makeProblem({ regionCode: V2, userId: viewer.userId, status: 'OPEN', foundOn: today() });
    const ids = async (filters: Parameters<typeof listProblems>[1]) =>
      (await listProblems(viewer, { area: V2, ...filters })).rows.map((r) => r.id);
    expect(await ids({ status: 'SOLVED', overdue: true })).toEqual([]);
    expect(await ids({ status: 'OPEN', overdue: true })).toEqual([open.id]);
    expect((await ids({ status: 'OPEN' })).length).toBe(2);
    expect(await ids({ overdue: true })).toEqual([open.id]);
  });
});
