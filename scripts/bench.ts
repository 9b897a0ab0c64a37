// npm run bench [-- --scale city|province] [--json] [--requests 30] [--skip-offline] [--only page,page]
// Server response of pages on a scale data set (npm run seed:scale -- --scale city|province), median and p95
// over N requests after a warm-up, each beside its floor in the same run: the bare signed-in page with the same
// layout (/account) plus the page's own statements, recorded from the server (SQL_LOG_FILE) and run again as
// plain SQL with the same parameters, as the app sends them. Then check-ins at 20 at once, how far the figures
// lag a write, their full recompute, and the phone's offline path (scripts/bench-offline.ts) under `offline`.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { complianceCounts } from '../lib/attendance/sql';
import { pendingVillages, villageFigures, villageMonthFigures } from '../lib/figures/sql';
import { lastJobDay, WARNINGS_JOB } from '../lib/monitoring/sql';
import { chinaToday } from '../lib/time';
import { openDatabase } from './database';
import { localSecret } from './secrets';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    requests: { type: 'string', default: '30' },
    port: { type: 'string', default: '3200' },
    scale: { type: 'string', default: 'city' },
    'skip-offline': { type: 'boolean', default: false },
    'skip-full-refresh': { type: 'boolean', default: false }, // minutes at province scale
    only: { type: 'string' }, // pages to measure, by name (county_dashboard,city_dashboard…); the rest is skipped
  },
});
if (values.scale !== 'city' && values.scale !== 'province') {
  console.error('--scale is city or province');
  process.exit(2);
}
const SCALE = values.scale;
const REQUESTS = Math.max(20, Number(values.requests));
const BASE = `http://127.0.0.1:${values.port}`;
const COUNTY = '990102';

type Timing = { median_ms: number; p95_ms: number; requests: number };
const round = (n: number) => Math.round(n * 10) / 10;
function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median_ms: round(at(0.5)), p95_ms: round(at(0.95)), requests: sorted.length };
}
async function time(fn: () => Promise<unknown>, warmup = 3, requests = REQUESTS): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie. */
async function signIn(username: string, password: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') },
    body: new URLSearchParams({ username, password, csrfToken }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('authjs.session-token='));
  if (!session)
    throw new Error('sign-in failed: is the data set seeded (npm run seed:scale -- --scale city|province)?');
  return session;
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/login`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('server did not start');
}

const log = (line: string) => !values.json && console.log(line);

const CONCURRENT = 20;
const ROUNDS = 10;

/**
 * 20 team members (bench01..bench20, seeded with the city set) check in at the same moment, ROUNDS
 * times; today's records of those 20 are deleted between rounds so every request really writes.
 */
async function checkInThroughput(today: string) {
  const accounts = Array.from({ length: CONCURRENT }, (_, i) => `bench${String(i + 1).padStart(2, '0')}`);
  const cookies = await Promise.all(accounts.map((name) => signIn(name, 'Bangfu@2026')));
  const clearToday = () =>
    client.query(
      `DELETE FROM attendance_record r USING cadre c JOIN app_user u ON u.id = c.user_id
      WHERE r.cadre_id = c.id AND u.username = ANY($1) AND r.day = $2::date`,
      [accounts, today],
    );
  const checkIn = async (cookie: string) => {
    const started = performance.now();
    const response = await fetch(`${BASE}/api/attendance/checkin`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ latitude: 34.5, longitude: 105.5, accuracy: 20 }),
    });
    const state = (await response.json()) as { ok: boolean; formError?: string };
    if (!state.ok) throw new Error(`check-in refused: ${state.formError}`);
    return performance.now() - started;
  };
  await clearToday();
  await Promise.all(cookies.map(checkIn)); // warm-up round
  // One at a time first: what a check-in costs with nothing else running.
  await clearToday();
  const alone = summarise(
    await cookies.reduce(
      async (done, cookie) => [...(await done), await checkIn(cookie)],
      Promise.resolve<number[]>([]),
    ),
  );
  const latencies: number[] = [];
  let wall = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await clearToday();
    const started = performance.now();
    latencies.push(...(await Promise.all(cookies.map(checkIn))));
    wall += performance.now() - started;
  }
  await clearToday();
  const timing = summarise(latencies);
  const perSecond = round(latencies.length / (wall / 1000));
  log(
    `checkin_20_concurrent: ${perSecond} requests/s, median ${timing.median_ms} ms, p95 ${timing.p95_ms} ms over ${timing.requests} check-ins ` +
      `(one at a time: median ${alone.median_ms} ms, p95 ${alone.p95_ms} ms)`,
  );
  return { concurrent_users: CONCURRENT, requests_per_second: perSecond, ...timing, one_at_a_time: alone };
}
// ─────────────────────────── Dashboards ───────────────────────────
// The server reads figures kept per village (lib/figures, read by lib/dashboard/data.ts). Beside each
// dashboard: the same figures computed from the source tables in plain SQL (what the kept figures save),
// and the plain-SQL read of the kept figures (the queries the page runs).

async function villagesOf(prefix: string): Promise<string[]> {
  const { rows } = await client.query<{ code: string }>(
    `SELECT code FROM region WHERE level = 'VILLAGE' AND code LIKE $1 ORDER BY code`,
    [`${prefix}%`],
  );
  return rows.map((r) => r.code);
}

/** Waits until the server's refresher has computed every village today; returns how long that took. */
async function waitForFigures(today: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const query = pendingVillages('', today); // every village, as the dashboard counts its area's
    const {
      rows: [{ n: pending }],
    } = await client.query<{ n: number }>(query.text, [...query.values]);
    if (pending === 0) return round((performance.now() - started) / 1000);
    log(`  figures: ${pending} villages still to compute`);
    await new Promise((r) => setTimeout(r, 3000));
  }
}

/**
 * Waits until the server's daily early warnings (lib/monitoring/refresher.ts, begun 30 s after it starts) are
 * raised for today: they keep the database busy for minutes at province scale, once a night, and a day's pages
 * do not run beside them. Returns the seconds the job itself took (job_run), or null if it never finished.
 */
async function waitForWarnings(today: string): Promise<number | null> {
  const query = lastJobDay(WARNINGS_JOB);
  const started = performance.now();
  for (;;) {
    const {
      rows: [last],
    } = await client.query<{ day: string }>(query.text, [...query.values]);
    if (last?.day === today) {
      const {
        rows: [{ seconds }],
      } = await client.query<{ seconds: number }>('SELECT seconds FROM job_run WHERE name = $1', [WARNINGS_JOB]);
      return round(seconds);
    }
    if (performance.now() - started > 1_800_000) return null;
    log(`  monitoring: today's early warnings being raised (${Math.round((performance.now() - started) / 1000)} s)`);
    await new Promise((r) => setTimeout(r, 10_000));
  }
}

/** Every village recomputed from scratch, as at the start of a day, with nothing else running; in seconds. */
async function fullRefresh(today: string): Promise<number> {
  await waitForFigures(today);
  await client.query('UPDATE village_figures SET computed_on = computed_on - 1');
  const seconds = await waitForFigures(today);
  log(`figures_full_refresh (every village of the data set, as each new day starts): ${seconds} s`);
  return seconds;
}

// ─────────────────────────── Pages beside their floors ───────────────────────────

const BARE_PAGE = '/account'; // the same layout, signed in, nothing of its own but the form
const SQL_LOG = path.resolve('.data/tmp/bench-sql.jsonl');
type Statement = { query: string; params: string };

function get(cookie: string, pagePath: string) {
  return async () => {
    const response = await fetch(`${BASE}${pagePath}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`${pagePath}: ${response.status}`);
    return response.text();
  };
}

/**
 * The statements one request of the page runs, as the server logged them: the fewest of five requests, since
 * the server's background work (the figures refresher, every 20 s) can only add statements to a request's log.
 */
async function statementsOf(cookie: string, pagePath: string): Promise<Statement[]> {
  let fewest: Statement[] | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    writeFileSync(SQL_LOG, '');
    await get(cookie, pagePath)();
    const statements = readFileSync(SQL_LOG, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Statement);
    if (!fewest || statements.length < fewest.length) fewest = statements;
  }
  return fewest!;
}

/** The page's statements less the bare page's (the layout's own, counted in the bare page's time). */
function pageOwn(page: Statement[], bare: Statement[]): Statement[] {
  const left = new Map<string, number>();
  for (const st of bare) left.set(st.query + st.params, (left.get(st.query + st.params) ?? 0) + 1);
  return page.filter((st) => {
    const n = left.get(st.query + st.params) ?? 0;
    if (n > 0) left.set(st.query + st.params, n - 1);
    return n === 0;
  });
}

/** A page beside its floor: the bare page plus the page's own statements as plain SQL (one connection, in order). */
async function pageVsFloor(name: string, cookie: string, pagePath: string) {
  const own = pageOwn(await statementsOf(cookie, pagePath), await statementsOf(cookie, BARE_PAGE));
  const server = await time(get(cookie, pagePath));
  const bare = await time(get(cookie, BARE_PAGE));
  const plain = await time(async () => {
    for (const st of own) await client.query(st.query, JSON.parse(st.params) as unknown[]);
  });
  const floor = { median_ms: round(bare.median_ms + plain.median_ms), p95_ms: round(bare.p95_ms + plain.p95_ms) };
  const slowest = await slowestStatements(own);
  const htmlKb = round(Buffer.byteLength(await get(cookie, pagePath)()) / 1024);
  log(
    `${name} (${pagePath}): median ${server.median_ms} ms, p95 ${server.p95_ms} ms | floor median ${floor.median_ms} ms, p95 ${floor.p95_ms} ms ` +
      `(bare page ${bare.median_ms} ms + ${own.length} statements as plain SQL ${plain.median_ms} ms) | ×${round(server.median_ms / floor.median_ms)} | ${htmlKb} KB`,
  );
  for (const st of slowest) log(`  ${st.median_ms} ms  ${st.query}`);
  return {
    path: pagePath,
    server,
    floor: { ...floor, bare_page: bare, plain_sql: plain, statements: own.length },
    ratio_median_to_floor: round(server.median_ms / floor.median_ms),
    html_kb: htmlKb,
    slowest_statements: slowest,
  };
}

/** The page's three slowest statements alone, median of five runs each: where its floor's time goes. */
async function slowestStatements(own: Statement[]) {
  const timed = [];
  for (const st of own) {
    const { median_ms } = await time(() => client.query(st.query, JSON.parse(st.params) as unknown[]), 1, 5);
    timed.push({ median_ms, query: st.query.replace(/\s+/g, ' ').replaceAll('"public".', '').slice(0, 160) });
  }
  return timed.sort((a, b) => b.median_ms - a.median_ms).slice(0, 3);
}

// ─────────────────────────── Dashboards ───────────────────────────
// The server reads figures kept per village (lib/figures, read by lib/dashboard/data.ts); the county's are also
// set beside the same figures computed from the source tables in plain SQL (what the kept figures save).

async function fromSources(prefix: string, today: string, year: number, runs: number): Promise<Timing> {
  const codes = await villagesOf(prefix);
  return time(
    async () => {
      for (const query of [villageFigures(codes, year, today), villageMonthFigures(codes, year)])
        await client.query(query.text, [...query.values]);
      const compliance = complianceCounts(codes, year, today);
      await client.query(compliance.text, [...compliance.values]);
    },
    1,
    runs,
  );
}

/** A write, then the next dashboard request: it recomputes the written village before answering. */
async function dashboardAfterWrite(countyCookie: string, today: string): Promise<Timing> {
  const village = (await villagesOf(COUNTY))[0];
  const samples: number[] = [];
  for (let i = 0; i < 10; i++) {
    const problem = await writeProblem(village, today);
    const started = performance.now();
    await get(countyCookie, '/dashboard')();
    samples.push(performance.now() - started);
    const {
      rows: [seen],
    } = await client.query<{ stale: string; found: number; actual: string }>(
      `SELECT (SELECT count(*) FROM figures_stale WHERE village_code = $1) AS stale, f.problems_found AS found,
              (SELECT count(*) FROM problem WHERE region_code = $1) AS actual FROM village_figures f WHERE f.village_code = $1`,
      [village],
    );
    if (Number(seen.stale) !== 0 || seen.found !== Number(seen.actual))
      throw new Error(`the write was not in the next dashboard: ${JSON.stringify(seen)}`);
    await client.query('DELETE FROM problem WHERE id = $1', [problem]);
  }
  await get(countyCookie, '/dashboard')();
  const afterWrite = summarise(samples);
  log(
    `county_dashboard_after_a_write (shows the write): median ${afterWrite.median_ms} ms, p95 ${afterWrite.p95_ms} ms over ${afterWrite.requests}`,
  );
  return afterWrite;
}

async function writeProblem(village: string, today: string): Promise<number> {
  const {
    rows: [problem],
  } = await client.query<{ id: number }>(
    `INSERT INTO problem (region_code, category, urgency, source, description, deadline, found_on, created_by_id)
     VALUES ($1, 'OTHER', 'NORMAL', 'REPORT', 'bench: freshness', $2::date + 30, $2::date, (SELECT id FROM app_user WHERE username = 'county'))
     RETURNING id`,
    [village, today],
  );
  return problem.id;
}

/** Seconds until the background refresher has a write in the kept figures, with nobody looking at a dashboard. */
async function figuresBehindWrite(today: string): Promise<number> {
  const village = (await villagesOf(COUNTY)).at(-1)!;
  const problem = await writeProblem(village, today);
  const started = performance.now();
  try {
    for (;;) {
      const {
        rows: [seen],
      } = await client.query<{ found: number; actual: string }>(
        `SELECT f.problems_found AS found, (SELECT count(*) FROM problem WHERE region_code = $1) AS actual
           FROM village_figures f WHERE f.village_code = $1`,
        [village],
      );
      if (seen && seen.found === Number(seen.actual)) break;
      if (performance.now() - started > 300_000) throw new Error('the kept figures did not show a write in 5 minutes');
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await client.query('DELETE FROM problem WHERE id = $1', [problem]);
  }
  const seconds = round((performance.now() - started) / 1000);
  log(`figures_behind_a_write (background refresh, nobody on a dashboard): ${seconds} s`);
  return seconds;
}

const database = await openDatabase(SCALE === 'city' ? 'bangfu_city' : 'bangfu_province');
const client = new pg.Client({ connectionString: database.url });
await client.connect();
const {
  rows: [{ households }],
} = await client.query<{ households: string }>('SELECT count(*) AS households FROM household');
log(`${SCALE} data set: ${Number(households).toLocaleString('en')} households`);
rmSync(SQL_LOG, { force: true });
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  AUTH_SECRET: localSecret('AUTH_SECRET'),
  PII_KEY: localSecret('PII_KEY'),
  SQL_LOG_FILE: SQL_LOG,
  NEXT_TELEMETRY_DISABLED: '1',
};
const results: Record<string, unknown> = { scale: SCALE };
const server = spawn('npx', ['next', 'start', '-p', values.port], { env, stdio: 'ignore', detached: true });
try {
  await waitForServer();
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  results.households = Number(households);
  await waitForFigures(today); // a fresh server computes what is missing first
  results.warnings_daily_seconds = await waitForWarnings(today);
  log(`early warnings of the day (every county, once a night): ${results.warnings_daily_seconds} s`);

  const cookie = await signIn('county', 'Bangfu@2026');
  const pages: [string, string, string][] = [
    ['county_dashboard', 'county', '/dashboard'],
    ['city_dashboard', 'cityleader', '/dashboard'],
    ...(SCALE === 'province'
      ? [['province_dashboard', 'provinceleader', '/dashboard'] as [string, string, string]]
      : []),
    ['household_search_by_initials', 'county', '/households?q=zs'],
    ['household_search_registered_poor', 'county', '/households?status=REGISTERED_POOR'],
    ['county_compliance_table', 'county', '/teams/compliance'],
  ];
  const cookies = new Map([['county', cookie]]);
  const only = values.only?.split(',');
  for (const [name, username, pagePath] of pages.filter(([name]) => !only || only.includes(name))) {
    if (!cookies.has(username)) cookies.set(username, await signIn(username, 'Bangfu@2026'));
    results[name] = await pageVsFloor(name, cookies.get(username)!, pagePath);
  }
  if (!only) {
    const sources = await fromSources(COUNTY, today, year, 10);
    results.county_dashboard_from_sources_plain_sql = sources;
    log(
      `county dashboard's figures from the source tables as plain SQL: median ${sources.median_ms} ms, p95 ${sources.p95_ms} ms`,
    );
    results.county_dashboard_after_a_write = await dashboardAfterWrite(cookie, today);
  }
  if (!only || only.includes('checkin_20_concurrent')) results.checkin_20_concurrent = await checkInThroughput(today);
  // Last: the recompute rewrites every village's rows, and pages measured in the minutes after it were about
  // twice as slow as without it (docs/scale.md); a day's pages do not run in that wake.
  if (!only) results.figures_behind_a_write_seconds = await figuresBehindWrite(today);
  if (!values['skip-full-refresh']) results.figures_full_refresh_seconds = await fullRefresh(today);
  results.targets = targetsMet(results);
} finally {
  process.kill(-server.pid!, 'SIGTERM');
  await client.end();
  await database.stop();
}

/** Issue 20's targets, each with the figure it is read from. */
function targetsMet(r: Record<string, unknown>) {
  type Page = { server: Timing; ratio_median_to_floor: number; html_kb: number };
  const page = (name: string) => r[name] as Page | undefined;
  const checks: [string, number | undefined, number][] = [
    ['county_dashboard p95 ms', page('county_dashboard')?.server.p95_ms, 100],
    ['province_dashboard p95 ms', page('province_dashboard')?.server.p95_ms, 300],
    ['household_search_by_initials p95 ms', page('household_search_by_initials')?.server.p95_ms, 150],
    ['household_search_registered_poor p95 ms', page('household_search_registered_poor')?.server.p95_ms, 150],
    ['county_compliance_table p95 ms', page('county_compliance_table')?.server.p95_ms, 200],
    ['checkin_20_concurrent p95 ms', (r.checkin_20_concurrent as Timing | undefined)?.p95_ms, 100],
    ['county_dashboard html KB', page('county_dashboard')?.html_kb, 150],
    ['figures behind a write s', r.figures_behind_a_write_seconds as number, 60],
    ['figures full refresh s', r.figures_full_refresh_seconds as number, 300],
    ...Object.keys(r)
      .filter((k) => page(k)?.ratio_median_to_floor !== undefined)
      .map((k): [string, number, number] => [`${k} × floor`, page(k)!.ratio_median_to_floor, 1.5]),
  ];
  const out = checks
    .filter(([, value]) => value !== undefined)
    .map(([target, value, limit]) => ({ target, value: value!, limit, met: value! <= limit }));
  for (const t of out) log(`${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.value} (limit ${t.limit})`);
  return out;
}
// The phone's offline path (issue 16), in Chromium on the demo county: its own script and database, run once
// the city's server and database are down.
if (!values['skip-offline'] && !values.only) {
  log('offline (bench:offline): photo resize, a visit with its photo and 50 queued items at 400 kbps…');
  const offline = spawnSync('npx', ['tsx', 'scripts/bench-offline.ts', '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = offline.stdout.trim().split('\n').at(-1) ?? '';
  results.offline = offline.status === 0 ? JSON.parse(line) : { error: `bench:offline exited with ${offline.status}` };
  log(`offline: ${JSON.stringify(results.offline)}`);
}
console.log(JSON.stringify(results));
