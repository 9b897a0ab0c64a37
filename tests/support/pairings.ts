// Test data factory for cadre pairings (结对帮扶): villages, units, cadres with ID numbers, poor households
// and pairings of a test file's own, written straight to the database, and removePairingFixtures() to
// take them away again (the seeded pairings and the coverage the browser tests read stay as they were).
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type { CadreRank, HouseholdStatus } from '@/lib/generated/prisma/enums';
import { encryptText, lookupHash } from '@/lib/personal-data';
import { chinaToday, dayOf } from '@/lib/time';
import { makeHousehold, newIdNumber } from './households';

const unique = () => randomUUID().slice(0, 8);

// What this test file made (each test file has its own copy of this module).
const made = {
  villages: new Set<string>(),
  units: new Set<number>(),
  cadres: new Set<number>(),
  households: new Set<number>(),
};

/** Today's China calendar day ('YYYY-MM-DD'), as the actions date a pairing. */
export const pairingToday = () => chinaToday();

/** A village of the test's own (code = township + 3 digits, pick a range no other file uses). */
export async function makePairingVillage(code: string) {
  if (!/^\d{12}$/.test(code)) throw new Error(`not a village code: ${code}`);
  const data = {
    level: 'VILLAGE' as const,
    name: `结对测试${code.slice(-3)}村`,
    parentCode: code.slice(0, 9),
    isPoorVillage: true,
  };
  if (!(await db.region.findUnique({ where: { code } }))) made.villages.add(code);
  return db.region.upsert({ where: { code }, create: { code, ...data }, update: data });
}

/** A unit of a county (unique name); cadres kept in it are removed with it. */
export async function makePairingUnit(countyCode: string, name = `结对测试单位${unique()}`) {
  const unit = await db.unit.create({ data: { countyCode, name, level: 'COUNTY' } });
  made.units.add(unit.id);
  return unit;
}

let cadreSerial = 0;
/** A cadre with an ID number (stored as the app stores it), kept by `regionCode` (a county or township). */
export async function makePairingCadre(options: {
  regionCode: string;
  unitId?: number;
  rank?: CadreRank;
  name?: string;
  idNumber?: string;
  active?: boolean;
  userId?: number;
}) {
  const unitId = options.unitId ?? (await makePairingUnit(options.regionCode.slice(0, 6))).id;
  const idNumber = options.idNumber ?? newIdNumber();
  const cadre = await db.cadre.create({
    data: {
      regionCode: options.regionCode,
      unitId,
      rank: options.rank ?? 'ORDINARY',
      name: options.name ?? `结对干部${++cadreSerial}${unique().slice(0, 3)}`,
      idNumberEnc: encryptText(idNumber),
      idNumberHash: lookupHash(idNumber),
      idLast4: idNumber.slice(-4),
      active: options.active ?? true,
      userId: options.userId,
    },
  });
  made.cadres.add(cadre.id);
  return { ...cadre, idNumber };
}

let householdSerial = 0;
/** A one-person household (registered poor unless told), removed by removePairingFixtures. */
export async function makePairingHousehold(
  village: string,
  options: { status?: HouseholdStatus; headName?: string; idNumber?: string } = {},
) {
  const made_ = await makeHousehold({
    village,
    status: options.status ?? 'REGISTERED_POOR',
    headName: options.headName ?? `结对户${++householdSerial}`,
    idNumber: options.idNumber,
  });
  made.households.add(made_.household.id);
  return made_.household;
}

/** An active (or, with endedOn, ended) pairing written directly. */
export async function makePairing(
  household: { id: number; regionCode: string },
  cadreId: number,
  options: { startedOn?: string; endedOn?: string; endReason?: string } = {},
) {
  return db.pairing.create({
    data: {
      householdId: household.id,
      cadreId,
      regionCode: household.regionCode,
      startedOn: dayOf(options.startedOn ?? '2025-01-01'),
      endedOn: options.endedOn ? dayOf(options.endedOn) : null,
      endReason: options.endedOn ? (options.endReason ?? '测试') : null,
    },
  });
}

/** A cadre's active pairings' household ids, sorted. */
export async function activeHouseholdsOf(cadreId: number) {
  const rows = await db.pairing.findMany({
    where: { cadreId, endedOn: null },
    select: { householdId: true },
    orderBy: { householdId: 'asc' },
  });
  return rows.map((r) => r.householdId);
}

/** Active pairings of the given households (how many were written). */
export const activePairingsOf = (householdIds: number[]) =>
  db.pairing.count({ where: { householdId: { in: householdIds }, endedOn: null } });

/**
 * Removes what the factories made: pairings of the file's households, cadres and villages; liaisons of its
 * villages and units; the households of its villages (members, incomes, events and plans go with them);
 * its cadres and every cadre kept in its units (e.g. made by createCadre); its units and villages.
 */
export async function removePairingFixtures() {
  const villages = [...made.villages];
  const units = [...made.units];
  const households = [
    ...made.households,
    ...(await db.household.findMany({ where: { regionCode: { in: villages } }, select: { id: true } })).map(
      (h) => h.id,
    ),
  ];
  const cadres = [
    ...made.cadres,
    ...(await db.cadre.findMany({ where: { unitId: { in: units } }, select: { id: true } })).map((c) => c.id),
  ];
  await db.pairing.deleteMany({
    where: { OR: [{ householdId: { in: households } }, { cadreId: { in: cadres } }, { regionCode: { in: villages } }] },
  });
  await db.villageLiaison.deleteMany({ where: { OR: [{ villageCode: { in: villages } }, { unitId: { in: units } }] } });
  await db.householdLiaison.deleteMany({
    where: { OR: [{ householdId: { in: households } }, { cadreId: { in: cadres } }, { regionCode: { in: villages } }] },
  });
  await db.leaderVillage.deleteMany({
    where: { OR: [{ villageCode: { in: villages } }, { cadreId: { in: cadres } }] },
  });
  await db.household.deleteMany({ where: { id: { in: households } } });
  // A monitored household keeps its responsible cadre (lib/monitoring): gone with the cadre.
  await db.monitoredHousehold.deleteMany({ where: { cadreId: { in: cadres } } });
  await db.cadre.deleteMany({ where: { id: { in: cadres } } });
  await db.unit.deleteMany({ where: { id: { in: units } } });
  await db.region.deleteMany({ where: { code: { in: villages } } });
  for (const set of Object.values(made)) set.clear();
}
