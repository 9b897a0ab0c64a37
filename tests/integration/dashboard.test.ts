// The dashboard (issue 7): every figure of the seeded data agrees at every level (county = Σ townships
// = Σ villages) and with the list a leader drills into; a write shows at once; each role sees only its area.
import { beforeAll, describe, expect, it } from 'vitest';
import { compliance } from '@/lib/attendance/data';
import type { Viewer } from '@/lib/auth/data';
import { type DashboardRow, dashboard } from '@/lib/dashboard/data';
import { db } from '@/lib/db';
import { pairingCoverage, visitCoverage } from '@/lib/figures/data';
import { FIGURE_KEYS, type Figures } from '@/lib/figures/rules';
import { searchHouseholds } from '@/lib/households/data';
import { type HouseholdSet, POOR_STATUSES } from '@/lib/households/rules';
import { listDiscrepancies, listInspections, noticeOf } from '@/lib/inspections/data';
import { villagesWithoutLiaison } from '@/lib/pairings/data';
import { listProblems } from '@/lib/problems/data';
import { listTeams } from '@/lib/teams/data';
import { chinaYear } from '@/lib/time';
import { overdueCadreVisits, overdueTeamVisits } from '@/lib/visits/data';
import { refreshAllFigures, signInAs, TOWNSHIP_1, TOWNSHIP_2 } from './helpers';

const COUNTY = '990102';
const year = () => chinaYear();

const figuresOnly = (f: Figures) =>
  Object.fromEntries([...FIGURE_KEYS, 'villages'].map((k) => [k, f[k as keyof Figures]]));
const sum = (rows: DashboardRow[]) => {
  const total = Object.fromEntries([...FIGURE_KEYS, 'villages'].map((k) => [k, 0])) as Record<string, number>;
  for (const row of rows) for (const k of Object.keys(total)) total[k] += row.figures[k as keyof Figures];
  return total;
};

/** Every figure of one area, counted again from the list behind it. */
async function countedFromLists(viewer: Viewer, area: string) {
  const households = async (set?: HouseholdSet) => {
    const result = await searchHouseholds(viewer, { area, set });
    return { total: result.total, people: result.people ?? 0 };
  };
  const people = (status?: Parameters<typeof compliance>[1]['status']) =>
    compliance(viewer, { area, year: year(), status }).then((c) => c.people);
  const problems = (filters: Parameters<typeof listProblems>[1]) =>
    listProblems(viewer, { area, ...filters }).then((p) => p.total);
  const [poor, lifted, liftedYear, returned, base, mustPair, unpaired, liaisonDue, noLiaison] = await Promise.all(
    [
      'poor',
      'lifted',
      'liftedThisYear',
      'returnedThisYear',
      'returnBase',
      'mustPair',
      'unpaired',
      'liaisonDue',
      'noLiaison',
    ].map((s) => households(s as HouseholdSet)),
  );
  const everyone = await people();
  // What each visit rule is due on, counted from the source tables (the visits page reads the kept figures).
  const inArea = { regionCode: { startsWith: area } };
  const teamHouseholds = { ...inArea, village: { workTeam: { isNot: null } } };
  const [cadreDue, teamDue, leaderDue] = await Promise.all([
    db.pairing.count({ where: { ...inArea, endedOn: null } }),
    db.household.count({ where: teamHouseholds }),
    db.household.count({ where: { ...teamHouseholds, status: { in: [...POOR_STATUSES] } } }),
  ]);
  return {
    households: (await searchHouseholds(viewer, { area })).total,
    people:
      (await db.household.aggregate({ where: { regionCode: { startsWith: area } }, _sum: { memberCount: true } }))._sum
        .memberCount ?? 0,
    poorHouseholds: poor.total,
    poorPeople: poor.people,
    liftedHouseholds: lifted.total,
    liftedPeople: lifted.people,
    liftedThisYearHouseholds: liftedYear.total,
    liftedThisYearPeople: liftedYear.people,
    returnedThisYearHouseholds: returned.total,
    returnBaseHouseholds: base.total,
    poorVillage: await db.region.count({
      where: { level: 'VILLAGE', isPoorVillage: true, code: { startsWith: area } },
    }),
    teams: (await listTeams(viewer, { area })).filter((t) => t.id !== null).length,
    members: everyone.length,
    membersOnTrack: (await people('OK')).length,
    membersAtRisk: (await people('AT_RISK')).length,
    membersShort: (await people('MISSING')).length,
    markedCheckins: everyone.reduce((n, p) => n + p.marked, 0),
    mustPair: mustPair.total,
    paired: mustPair.total - unpaired.total,
    liaisonDue: liaisonDue.total,
    liaisonCovered: liaisonDue.total - noLiaison.total,
    monthRuleMissed: (await people('MONTH_MISSED')).length,
    villagesWithoutLiaison: (await villagesWithoutLiaison(viewer, area)).length,
    cadreVisitsDue: cadreDue,
    cadreVisitsDone: cadreDue - (await overdueCadreVisits(viewer, area, 100_000)).length,
    teamVisitsDue: teamDue,
    teamVisitsDone: teamDue - (await overdueTeamVisits(viewer, area, 'team', 100_000)).length,
    leaderVisitsDue: leaderDue,
    leaderVisitsDone: leaderDue - (await overdueTeamVisits(viewer, area, 'leader', 100_000)).length,
    problemsFound: await problems({}),
    problemsStruckOff: await problems({ status: 'STRUCK_OFF' }),
    problemsOpen: await problems({ open: true }),
    problemsOverdue: await problems({ overdue: true }),
    inspections: (await listInspections(viewer, { area, year: year() })).rows
      .filter((i) => i.status === 'DONE')
      .reduce((n, i) => n + i.villageCodes.filter((c) => c.startsWith(area)).length, 0),
    findings: (await noticeOf(viewer, { area, from: `${year()}-01-01`, to: `${year()}-12-31` })).findings.length,
    discrepancies: (await listDiscrepancies(viewer, { area, year: year() })).rows.length,
  };
}

// Also run on the demo county: SEEDED_DATABASE_URL=<its URL> npx vitest run --project integration tests/integration/dashboard.test.ts -t agree
describe('dashboard figures agree at every level and with their lists', () => {
  let county: Viewer;
  beforeAll(async () => {
    await refreshAllFigures();
    county = await signInAs('county');
  });

  it('county = Σ townships = Σ villages, for every figure', async () => {
    const top = await dashboard(county);
    expect(top.area.code).toBe(COUNTY);
    expect(top.pending).toBe(0);
    const townships = await db.region.findMany({ where: { parentCode: COUNTY }, orderBy: { code: 'asc' } });
    expect(top.children.map((c) => c.code)).toEqual(townships.map((t) => t.code));
    expect(figuresOnly(top.total.figures)).toEqual(sum(top.children));
    expect(top.total.figures.households).toBeGreaterThan(0);
    expect(top.total.figures.problemsFound).toBeGreaterThan(0);
    for (const township of top.children) {
      const down = await dashboard(county, township.code);
      expect(figuresOnly(down.total.figures)).toEqual(figuresOnly(township.figures));
      expect(figuresOnly(down.total.figures)).toEqual(sum(down.children));
      for (const village of down.children) {
        const leaf = await dashboard(county, village.code);
        expect(leaf.children).toEqual([]);
        expect(figuresOnly(leaf.total.figures)).toEqual(figuresOnly(village.figures));
      }
    }
  });

  it("city = Σ counties, read from the counties' sums, equal to each county's own dashboard, months too", async () => {
    const city = await dashboard(await signInAs('cityleader'));
    expect(city.children.length).toBeGreaterThan(1);
    expect(figuresOnly(city.total.figures)).toEqual(sum(city.children));
    const months = Array.from({ length: 12 }, () => ({}) as Record<string, number>);
    for (const child of city.children) {
      const own = await dashboard(await signInAs('cityleader'), child.code);
      expect(figuresOnly(own.total.figures)).toEqual(figuresOnly(child.figures));
      own.months.forEach((m, i) => {
        for (const [k, v] of Object.entries(m)) if (k !== 'month') months[i][k] = (months[i][k] ?? 0) + v;
      });
    }
    expect(city.months.map(({ month: _, ...m }) => m)).toEqual(months);
  });

  it('each figure equals the count of the list behind it, for the county, a township and each of its villages', async () => {
    const township = await dashboard(county, TOWNSHIP_1);
    const areas = [(await dashboard(county)).total, township.total, ...township.children];
    for (const area of areas) {
      const counted = await countedFromLists(county, area.code);
      const shown = Object.fromEntries(Object.keys(counted).map((k) => [k, area.figures[k as keyof Figures]]));
      expect({ area: area.code, ...shown }).toEqual({ area: area.code, ...counted });
      // The visits page shows the same coverage as the dashboard.
      const f = area.figures;
      expect((await visitCoverage(county, area.code)).total).toMatchObject({
        cadreDue: f.cadreVisitsDue,
        cadreDone: f.cadreVisitsDone,
        cadreInPerson: f.cadreVisitsInPerson,
        teamDue: f.teamVisitsDue,
        teamDone: f.teamVisitsDone,
        teamInPerson: f.teamVisitsInPerson,
        leaderDue: f.leaderVisitsDue,
        leaderDone: f.leaderVisitsDone,
      });
    }
  });

  it('rates and red marks come from the sums', async () => {
    const top = await dashboard(county);
    const f = top.total.figures;
    expect(top.total.rates.incidence).toBe(Math.floor((f.poorPeople * 10000) / f.people) / 100);
    expect(top.total.marks.missed.includes('overdue')).toBe(f.problemsOverdue > 0);
    // Pairing below the county's line (95% by default) is red; at or above it but short, amber.
    const pairingLine = top.lines.pairingRedBelowPercent;
    expect(top.total.marks.missed.includes('pairingGap')).toBe(f.paired * 100 < pairingLine * f.mustPair);
    expect(top.total.marks.atRisk.includes('pairingGap')).toBe(
      f.paired < f.mustPair && f.paired * 100 >= pairingLine * f.mustPair,
    );
    expect(top.months).toHaveLength(12);
    expect(top.months.reduce((n, m) => n + m.visits, 0)).toBe(
      await db.visit.count({
        where: {
          regionCode: { startsWith: COUNTY },
          visitedOn: { gte: new Date(`${year()}-01-01`), lte: new Date(`${year()}-12-31`) },
        },
      }),
    );
  });
});

describe('freshness', () => {
  it('a write marks its village stale and the next dashboard read includes it', async () => {
    await refreshAllFigures();
    const viewer = await signInAs('county');
    const village = (
      await db.region.findFirstOrThrow({
        where: { level: 'VILLAGE', code: { startsWith: TOWNSHIP_1 } },
        orderBy: { code: 'asc' },
      })
    ).code;
    const before = (await dashboard(viewer, village)).total.figures.problemsFound;
    const user = await db.user.findUniqueOrThrow({ where: { username: 'county' } });
    const problem = await db.problem.create({
      data: {
        regionCode: village,
        category: 'OTHER',
        urgency: 'NORMAL',
        source: 'REPORT',
        description: '看板新鲜度测试',
        deadline: new Date('2099-01-01'),
        foundOn: new Date(),
        createdById: user.id,
      },
    });
    try {
      expect(await db.figuresStale.count({ where: { villageCode: village } })).toBe(1);
      expect((await dashboard(viewer, village)).total.figures.problemsFound).toBe(before + 1);
      expect((await dashboard(viewer)).total.figures.problemsFound).toBe(
        await db.problem.count({ where: { regionCode: { startsWith: COUNTY } } }),
      );
      // The city reads its counties' sums: they moved with the village, in the same refresh.
      const city = await dashboard(await signInAs('cityleader'));
      expect(city.children.find((c) => c.code === COUNTY)?.figures.problemsFound).toBe(
        await db.problem.count({ where: { regionCode: { startsWith: COUNTY } } }),
      );
      expect(await db.figuresStale.count({ where: { villageCode: village } })).toBe(0);
    } finally {
      await db.problem.delete({ where: { id: problem.id } });
    }
    expect((await dashboard(viewer, village)).total.figures.problemsFound).toBe(before);
  });

  it('a new day recomputes every village', async () => {
    await refreshAllFigures();
    await db.$executeRaw`UPDATE village_figures SET computed_on = computed_on - 1 WHERE village_code LIKE ${`${TOWNSHIP_2}%`}`;
    const viewer = await signInAs('county');
    expect((await dashboard(viewer)).pending).toBe(5);
    // The visits and pairings pages read the same kept figures, and say the same.
    expect((await visitCoverage(viewer)).pending).toBe(5);
    expect((await pairingCoverage(viewer)).pending).toBe(5);
    expect((await visitCoverage(viewer, TOWNSHIP_1)).pending).toBe(0);
    await refreshAllFigures();
    expect((await dashboard(viewer)).pending).toBe(0);
    expect((await pairingCoverage(viewer)).pending).toBe(0);
  });
});

describe('each role sees only its area', () => {
  beforeAll(refreshAllFigures);

  it('a township user gets their township, whatever area they ask for', async () => {
    const viewer = await signInAs('township');
    const own = await dashboard(viewer);
    expect(own.area.code).toBe(TOWNSHIP_1);
    expect(own.children.every((c) => c.code.startsWith(TOWNSHIP_1))).toBe(true);
    for (const other of [TOWNSHIP_2, COUNTY, '990103', `${TOWNSHIP_2}201`]) {
      const asked = await dashboard(viewer, other);
      expect(asked.area.code).toBe(TOWNSHIP_1);
      expect(asked.total.figures).toEqual(own.total.figures);
    }
  });

  it('another county sees none of this county', async () => {
    const viewer = await signInAs('county2');
    const own = await dashboard(viewer, COUNTY);
    expect(own.area.code).toBe('990103');
    expect(own.children.every((c) => c.code.startsWith('990103'))).toBe(true);
  });

  it('a team leader sees their village; a city leader sees counties; an account manager sees nothing', async () => {
    const leader = await signInAs('teamleader');
    const village = await dashboard(leader, TOWNSHIP_1);
    expect(village.area.code).toBe(leader.scopeCode);
    expect(village.children).toEqual([]);
    const city = await dashboard(await signInAs('cityleader'));
    expect(city.children.map((c) => c.code)).toEqual(['990102', '990103']);
    expect(city.sections).toEqual({
      households: true,
      teams: true,
      pairings: true,
      visits: true,
      problems: true,
      oversight: true,
      monitoring: true,
    });
    await expect(dashboard(await signInAs('sysadmin'))).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;403');
  });

  it('sections follow the permissions of the lists behind them', async () => {
    const cadre = await dashboard(await signInAs('cadre'));
    expect(cadre.sections).toEqual({
      households: true,
      teams: false,
      pairings: false,
      visits: true,
      problems: true,
      oversight: false,
      monitoring: true, // warnings go to the paired cadre
    });
  });
});
