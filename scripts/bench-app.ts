// What bench:load and bench:security share: the demo county in its own database (bangfu_load), the
// production build served on 127.0.0.1 only, sign-in, and a server action called as the browser calls it.
import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD } from '../prisma/seed/profiles';
import { seed } from '../prisma/seed/run';
import { type Database, openDatabase } from './database';
import { deployMigrations } from './db/migrate';
import { localSecret } from './secrets';

export { DEMO_PASSWORD };
export const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function requireBuild() {
  if (existsSync(path.join(DIST_DIR, 'BUILD_ID'))) return;
  console.error(`No production build in ${DIST_DIR}: run \`npm run build\` first.`);
  process.exit(2);
}

/** The demo county in the database bangfu_load (seeded on first use, a few minutes; skipped where it exists). */
export async function openBenchDatabase(
  log: (line: string) => void,
): Promise<{ database: Database; client: pg.Client }> {
  localSecret('PII_KEY'); // the seed encrypts ID numbers with it
  const database = await openDatabase('bangfu_load');
  await deployMigrations(database.url);
  log('seeding the demo county into bangfu_load (skipped where it exists)…');
  await seed(database.url, 'demo', (line) => log(`  ${line}`));
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return { database, client };
}

/** Adds accounts copied from the demo `member` (same password, not linked to anything) under new names and areas. */
export async function copyMemberAccount(client: pg.Client, username: string, scopeCode: string): Promise<number> {
  const { rows: columns } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'app_user' AND column_name NOT IN ('id', 'username', 'display_name', 'scope_code')`,
  );
  const copied = columns.map((c) => `"${c.column_name}"`).join(', ');
  const {
    rows: [user],
  } = await client.query<{ id: number }>(
    `INSERT INTO app_user (username, display_name, scope_code, ${copied})
     SELECT $1, $1, $2, ${copied} FROM app_user WHERE username = 'member'
     ON CONFLICT (username) DO UPDATE SET scope_code = EXCLUDED.scope_code RETURNING id`,
    [username, scopeCode],
  );
  return user.id;
}

/** `next start` of the build on 127.0.0.1:port in its own process group, with npm start's server options. */
export async function startApp(databaseUrl: string, port: number): Promise<{ base: string; stop(): void }> {
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: localSecret('AUTH_SECRET'),
    PII_KEY: localSecret('PII_KEY'),
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${path.resolve('scripts/peer-address.cjs')}`]
      .filter(Boolean)
      .join(' '),
  };
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  // The server's own log (errors with their request ids) goes to a file beside the build.
  const logFile = openSync(path.join(DIST_DIR, 'bench-server.log'), 'w');
  const server = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env,
    stdio: ['ignore', logFile, logFile],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {}
  };
  process.once('SIGINT', () => (stop(), process.exit(130)));
  for (let i = 0; ; i++) {
    if (
      await fetch(`${base}/login`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { base, stop };
    if (i > 180 || server.exitCode !== null) {
      stop();
      throw new Error('the server did not start');
    }
    await sleep(1000);
  }
}

/** Signs in through next-auth's credentials endpoint; the session cookie, or null when refused. */
export async function trySignIn(base: string, username: string, password = DEMO_PASSWORD): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; '), origin: base },
    body: new URLSearchParams({ username, password, csrfToken }),
  });
  await response.arrayBuffer();
  return (
    response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith('authjs.session-token=')) ?? null
  );
}

export async function signIn(base: string, username: string): Promise<string> {
  const session = await trySignIn(base, username);
  if (!session) throw new Error(`sign-in of ${username} failed`);
  return session;
}

/** The id a browser sends to call an exported server action (from the build's manifest). */
export function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`${file} ${exportedName} is not in the build: rebuild (npm run build).`);
  return id;
}

/** Calls a server action as the browser does (prev state + a plain object); the response text (RSC). */
export async function callAction(
  base: string,
  page: string,
  actionId: string,
  cookie: string,
  input: Record<string, unknown>,
  signal?: AbortSignal,
) {
  const response = await fetch(`${base}${page}`, {
    method: 'POST',
    signal,
    headers: {
      cookie,
      'next-action': actionId,
      'content-type': 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      origin: base,
    },
    body: JSON.stringify([{ ok: false }, input]),
  });
  return { status: response.status, text: await response.text() };
}
