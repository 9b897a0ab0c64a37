// Writes a profile into a database. Idempotent: existing rows are left as they are.
import { PrismaPg } from '@prisma/adapter-pg';
import { hashPassword } from '../../lib/auth/password';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { DEFAULT_POLICY } from '../../lib/policy/rules';
import { chinaYear } from '../../lib/time';
import { seedActivities } from './activities';
import { seedTestFixtures } from './fixtures';
import { seedHouseholds } from './households';
import { seedIdentification } from './identification';
import { seedInspections } from './inspections';
import { seedLeaders } from './leaders';
import { seedHouseholdLiaisons } from './liaisons';
import { seedMonitoring } from './monitoring';
import { seedPairings } from './pairings';
import {
  atScale,
  cityCounties,
  DEMO_COUNTY_CODE,
  DEMO_PASSWORD,
  demoCounty,
  provinceCounties,
  testCounties,
} from './profiles';
import { seedProjects } from './projects';
import { buildCounty, type CountySpec, type RegionRow } from './regions';
import { seedTeams } from './teams';
import { demoUsers, scaleUsers, testOnlyUsers } from './users';
import { seedVisits } from './visits';

export type Profile = 'demo' | 'test' | 'city' | 'province';

/** A Prisma client on the database for the time of `work`, disconnected after it whatever happens. */
async function withClient<T>(databaseUrl: string, work: (client: PrismaClient) => Promise<T>): Promise<T> {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    return await work(client);
  } finally {
    await client.$disconnect();
  }
}

function countiesOf(profile: Profile): CountySpec[] {
  if (profile === 'demo') return [demoCounty()];
  if (profile === 'test') return testCounties();
  return profile === 'city' ? cityCounties() : provinceCounties();
}

/** The profile's regions, parents first. */
export function profileRegions(profile: Profile): RegionRow[] {
  const regions = new Map<string, RegionRow>();
  for (const county of countiesOf(profile)) for (const row of buildCounty(county)) regions.set(row.code, row);
  return [...regions.values()].sort((a, b) => a.code.length - b.code.length);
}

/** Part `index` of `of` (counties dealt out in turn), with the province and cities above them. */
export function partOf(rows: readonly RegionRow[], index: number, of: number): RegionRow[] {
  const counties = rows.filter((r) => r.level === 'COUNTY').map((r) => r.code);
  const mine = new Set(counties.filter((_, i) => i % of === index));
  return rows.filter((r) => r.code.length < 6 || mine.has(r.code.slice(0, 6)));
}

/** Writes a whole profile: the shared rows, then every county. */
export async function seed(
  databaseUrl: string,
  profile: Profile,
  log: (line: string) => void = console.log,
): Promise<void> {
  const rows = profileRegions(profile);
  await seedShared(databaseUrl, profile, rows, log);
  await seedCounties(databaseUrl, profile, rows, log);
}

/** Regions, policies and the sign-in accounts: what every county's seeding refers to. */
export async function seedShared(
  databaseUrl: string,
  profile: Profile,
  rows: readonly RegionRow[],
  log: (line: string) => void,
): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    const BATCH = 5000;
    let inserted = 0;
    for (let i = 0; i < rows.length; i += BATCH) {
      inserted += (await client.region.createMany({ data: rows.slice(i, i + BATCH), skipDuplicates: true })).count;
    }
    log(`regions: ${rows.length} in profile, ${inserted} new`);

    const counties = countiesOf(profile);
    const year = chinaYear();
    const policies = counties.flatMap((county) =>
      [year - 1, year, year + 1].map((y) => ({ countyCode: county.countyCode, year: y, ...DEFAULT_POLICY })),
    );
    const newPolicies = await client.policy.createMany({ data: policies, skipDuplicates: true });
    log(`policies: ${newPolicies.count} new`);

    const users = [
      ...demoUsers([...rows], DEMO_COUNTY_CODE),
      ...(profile === 'test' ? testOnlyUsers([...rows]) : []),
      ...(atScale(profile) ? scaleUsers(counties, profile) : []),
    ];
    const existing = new Set((await client.user.findMany({ select: { username: true } })).map((u) => u.username));
    const missing = users.filter((u) => !existing.has(u.username));
    if (missing.length > 0) {
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      await client.user.createMany({
        data: missing.map((u) => ({ ...u, passwordHash, mustChangePassword: false })),
        skipDuplicates: true,
      });
    }
    log(`demo users: ${missing.length} new (password ${DEMO_PASSWORD})`);
  });
}

/** Households and everything kept per county, for the counties among `rows` (all, or one part). */
export async function seedCounties(
  databaseUrl: string,
  profile: Profile,
  rows: readonly RegionRow[],
  log: (line: string) => void,
): Promise<void> {
  await seedHouseholds(databaseUrl, profile, rows, log);
  if (profile === 'test') await withClient(databaseUrl, seedTestFixtures);
  await seedTeams(databaseUrl, profile, rows, log);
  await seedPairings(databaseUrl, profile, rows, log);
  await seedLeaders(databaseUrl, profile, rows, log);
  await seedHouseholdLiaisons(databaseUrl, profile, rows, log);
  await seedVisits(databaseUrl, profile, rows, log);
  if (profile === 'demo') await withClient(databaseUrl, (client) => seedIdentification(client, log));
  await seedInspections(databaseUrl, profile, rows, log);
  await seedActivities(databaseUrl, profile, rows, log);
  await seedMonitoring(databaseUrl, profile, rows, log);
  await seedProjects(databaseUrl, profile, rows, log);
}
