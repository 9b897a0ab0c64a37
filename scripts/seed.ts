// npm run seed [-- --profile demo|test]   ·   npm run seed:scale -- --scale city|province [--jobs N] [--fresh]
// The scale profiles go into their own databases so the demo county stays as it is. The province is
// seeded by N processes at once (2 by default, one per core), each taking every Nth county; a run that
// stops half-way is resumed by running it again (villages and counties already seeded are skipped).
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type Profile, partOf, profileRegions, seed, seedCounties, seedShared } from '../prisma/seed/run';
import { openDatabase } from './database';
import { deployMigrations } from './db/migrate';
import { localSecret } from './secrets';

localSecret('PII_KEY'); // households' ID numbers are encrypted with it

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: 'demo' },
    scale: { type: 'string' },
    jobs: { type: 'string' },
    fresh: { type: 'boolean', default: false }, // drop the profile's database first and start over
    part: { type: 'string' }, // "i/n": one of the processes of a parallel run
  },
});
const profile = (values.scale ?? values.profile) as Profile;
if (!['demo', 'test', 'city', 'province'].includes(profile)) {
  console.error(`Unknown profile "${profile}": use demo, test, city or province.`);
  process.exit(2);
}
const jobs = Number(values.jobs ?? (profile === 'province' ? 2 : 1));
if (!Number.isInteger(jobs) || jobs < 1 || jobs > 8) {
  console.error('--jobs must be a whole number from 1 to 8.');
  process.exit(2);
}
const DATABASES: Record<Profile, string> = {
  demo: 'bangfu',
  test: 'bangfu',
  city: 'bangfu_city',
  province: 'bangfu_province',
};

const started = Date.now();
const children: ChildProcess[] = [];
const elapsed = () => {
  const s = Math.floor((Date.now() - started) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

if (values.part) {
  // One process of a parallel run: the parent has migrated and written the shared rows.
  const [index, of] = values.part.split('/').map(Number);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('A part runs against DATABASE_URL, set by the parent process.');
  await seedCounties(url, profile, partOf(profileRegions(profile), index, of), console.log);
} else {
  let database = await openDatabase(DATABASES[profile], { fresh: values.fresh });
  try {
    await deployMigrations(database.url);
    if (database.embedded && profile === 'province' && (await roomForBulkLoad(database.url))) {
      await database.stop(); // shared_buffers is read at start
      database = await openDatabase(DATABASES[profile]);
    }
    if (jobs === 1) await seed(database.url, profile, (line) => console.log(`[${elapsed()}] ${line}`));
    else {
      await seedShared(database.url, profile, profileRegions(profile), (line) => console.log(`[${elapsed()}] ${line}`));
      await Promise.all(Array.from({ length: jobs }, (_, i) => runPart(database.url, i, jobs))).catch((error) => {
        for (const child of children) child.kill(); // the others would write on while the server stops
        throw error;
      });
    }
    console.log(
      `seeded "${profile}" in ${((Date.now() - started) / 1000).toFixed(1)} s → ${database.url.replace(/:[^:@/]+@/, ':***@')}`,
    );
  } finally {
    await database.stop();
  }
}

/**
 * The embedded server's settings for a province: 2 GB of shared buffers (the person table's indexes alone are
 * gigabytes) and fewer checkpoints while it is written. True when the server must restart to apply them.
 */
async function roomForBulkLoad(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`ALTER SYSTEM SET max_wal_size = '8GB'`);
    await client.query('SELECT pg_reload_conf()');
    const { rows } = await client.query<{ bytes: string }>(
      `SELECT setting::bigint * 8192 AS bytes FROM pg_settings WHERE name = 'shared_buffers'`,
    );
    if (Number(rows[0].bytes) >= 2 ** 31) return false;
    await client.query(`ALTER SYSTEM SET shared_buffers = '2GB'`);
    return true;
  } finally {
    await client.end();
  }
}

/** Runs part `index` of `of` in a child process; its lines are printed with the elapsed time and the part. */
function runPart(url: string, index: number, of: number): Promise<void> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [...process.execArgv, script, '--scale', profile, '--part', `${index}/${of}`], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  createInterface({ input: child.stdout }).on('line', (line) =>
    console.log(`[${elapsed()} ${index + 1}/${of}] ${line}`),
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`part ${index + 1}/${of} stopped with exit code ${code}`)),
    );
  });
}
