// npm run seed [-- --profile demo|test]   ·   npm run seed:scale -- --scale city
import { parseArgs } from 'node:util';
import { type Profile, seed } from '../prisma/seed/run';
import { openDatabase } from './database';
import { deployMigrations } from './db/migrate';
import { localSecret } from './secrets';

localSecret('PII_KEY'); // households' ID numbers are encrypted with it

const { values } = parseArgs({ options: { profile: { type: 'string', default: 'demo' }, scale: { type: 'string' } } });
const profile = (values.scale ?? values.profile) as Profile;
if (!['demo', 'test', 'city'].includes(profile)) {
  console.error(`Unknown profile "${profile}": use demo, test or city.`);
  process.exit(2);
}
// The city-scale set goes into its own database so the demo county stays as it is.
const database = await openDatabase(profile === 'city' ? 'bangfu_city' : 'bangfu');
try {
  await deployMigrations(database.url);
  const started = Date.now();
  await seed(database.url, profile);
  console.log(
    `seeded "${profile}" in ${((Date.now() - started) / 1000).toFixed(1)} s → ${database.url.replace(/:[^:@/]+@/, ':***@')}`,
  );
} finally {
  await database.stop();
}
