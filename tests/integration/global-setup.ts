// A fresh database per run, built from the migrations and seeded with the small test profile.
// TEST_DATABASE_URL points at an external server's admin database instead of the embedded one.
import type { TestProject } from 'vitest/node';
import { seed } from '../../prisma/seed/run';
import { deployMigrations } from '../../scripts/db/migrate';
import { ensureDatabase, startEmbeddedPostgres } from '../../scripts/embedded-db';
import { TEST_PII_KEY } from '../support/keys';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  process.env.PII_KEY = TEST_PII_KEY; // the seed encrypts ID numbers
  // An already seeded database used as it is, e.g. the demo county for the dashboard's consistency
  // test: SEEDED_DATABASE_URL=… npx vitest run --project integration tests/integration/dashboard.test.ts -t agree
  if (process.env.SEEDED_DATABASE_URL) {
    project.provide('databaseUrl', process.env.SEEDED_DATABASE_URL);
    return async () => {};
  }
  let url: string;
  let stop = async () => {};
  if (process.env.TEST_DATABASE_URL) {
    const admin = new URL(process.env.TEST_DATABASE_URL);
    await ensureDatabase(admin.toString(), 'bangfu_test', true);
    admin.pathname = '/bangfu_test';
    url = admin.toString();
  } else {
    // TEST_PG_DIR / TEST_PG_PORT let two runs on one machine keep out of each other's way.
    const server = await startEmbeddedPostgres(
      process.env.TEST_PG_DIR ?? '.data/test-pg',
      Number(process.env.TEST_PG_PORT ?? 54339),
    );
    url = await server.ensureDatabase('bangfu_test', true);
    stop = server.stop;
  }
  await deployMigrations(url);
  await seed(url, 'test', () => {});
  project.provide('databaseUrl', url);
  return stop;
}
