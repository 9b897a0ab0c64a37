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
import { cityCounties, DEMO_COUNTY_CODE, DEMO_PASSWORD, demoCounty, testCounties } from './profiles';
import { seedProjects } from './projects';
import { buildCounty, type CountySpec, type RegionRow } from './regions';
import { seedTeams } from './teams';
import { demoUsers, testOnlyUsers } from './users';
import { seedVisits } from './visits';

export type Profile = 'demo' | 'test' | 'city';

export function openClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

function countiesOf(profile: Profile): CountySpec[] {
  return profile === 'demo' ? [demoCounty()] : profile === 'test' ? testCounties() : cityCounties();
}

export async function seed(
  databaseUrl: string,
  profile: Profile,
  log: (line: string) => void = console.log,
): Promise<void> {
  const client = openClient(databaseUrl);
  try {
    const counties = countiesOf(profile);
    const regions = new Map<string, RegionRow>();
    for (const county of counties) for (const row of buildCounty(county)) regions.set(row.code, row);
    const rows = [...regions.values()].sort((a, b) => a.code.length - b.code.length); // parents first
    const BATCH = 5000;
    let inserted = 0;
    for (let i = 0; i < rows.length; i += BATCH) {
      inserted += (await client.region.createMany({ data: rows.slice(i, i + BATCH), skipDuplicates: true })).count;
    }
    log(`regions: ${rows.length} in profile, ${inserted} new`);
    await seedHouseholds(databaseUrl, profile, rows, log);
    if (profile === 'test') await seedTestFixtures(client);

    const year = chinaYear();
    const policies = counties.flatMap((county) =>
      [year - 1, year, year + 1].map((y) => ({ countyCode: county.countyCode, year: y, ...DEFAULT_POLICY })),
    );
    const newPolicies = await client.policy.createMany({ data: policies, skipDuplicates: true });
    log(`policies: ${newPolicies.count} new`);

    const users = [...demoUsers(rows, DEMO_COUNTY_CODE), ...(profile === 'test' ? testOnlyUsers(rows) : [])];
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
    await seedTeams(databaseUrl, profile, rows, log);
    await seedPairings(databaseUrl, profile, rows, log);
    await seedLeaders(databaseUrl, profile, rows, log);
    await seedHouseholdLiaisons(databaseUrl, profile, rows, log);
    await seedVisits(databaseUrl, profile, rows, log);
    if (profile === 'demo') await seedIdentification(client, log);
    await seedInspections(databaseUrl, profile, rows, log);
    await seedActivities(databaseUrl, profile, rows, log);
    await seedMonitoring(databaseUrl, profile, rows, log);
    await seedProjects(databaseUrl, profile, rows, log);
  } finally {
    await client.$disconnect();
  }
}
