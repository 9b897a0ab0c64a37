// `npm start`: database (embedded unless DATABASE_URL), migrations, demo data on first start, build if needed, serve.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seed, type Profile } from '../prisma/seed/run';
import { openDatabase } from './database';
import { deployMigrations } from './db/migrate';
import { localSecret } from './secrets';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    seed: { type: 'string' }, // profile to seed; default: demo on the embedded server, nothing on an external one
    database: { type: 'string', default: 'bangfu' },
    fresh: { type: 'boolean', default: false },
  },
});

const started = Date.now();
const step = (text: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text}`);

localSecret('PII_KEY'); // the seed encrypts with it too

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', '.next', process.env.NEXT_DIST_DIR ?? '.next', '.data', '.git', 'tests', 'test-results', 'scripts'].includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded(env: NodeJS.ProcessEnv) {
  const buildId = path.join(process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID');
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newestSourceTime('.')) return step('build is up to date');
  step('building the app (next build, about two minutes on first start)…');
  const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step(process.env.DATABASE_URL ? 'using DATABASE_URL' : 'starting embedded PostgreSQL in .data/pg');
const database = await openDatabase(values.database, { fresh: values.fresh });
const applied = await deployMigrations(database.url);
step(`migrations: ${applied.length} applied`);
const profile = (values.seed ?? (database.embedded ? 'demo' : undefined)) as Profile | undefined;
if (profile) {
  step(`seeding "${profile}" (skipped where it exists)…`);
  await seed(database.url, profile, (line) => step(line));
}

const env = {
  ...process.env,
  DATABASE_URL: database.url,
  AUTH_SECRET: localSecret('AUTH_SECRET'),
  NEXT_TELEMETRY_DISABLED: '1',
  CHECKPOINT_DISABLE: '1',
  // Appends each request's socket address to X-Forwarded-For (see the file): the login throttle's key.
  NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${path.resolve('scripts/peer-address.cjs')}`].filter(Boolean).join(' '),
};
buildIfNeeded(env);
step(`serving on http://localhost:${values.port}`);
const server = spawn('npx', ['next', 'start', '-p', values.port], { stdio: 'inherit', env });
const shutdown = async () => {
  server.kill('SIGTERM');
  await database.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
server.on('exit', async (code) => {
  await database.stop();
  process.exit(code ?? 0);
});
