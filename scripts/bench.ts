// npm run bench [-- --json] [--requests 30] [--skip-offline]
// Server response of pages on the city-scale data set (npm run seed:scale -- --scale city), median and p95
// over N requests after a warm-up, beside the same figures computed in plain SQL in the same run; then the
// phone's offline path (scripts/bench-offline.ts) under `offline`.
import { spawn, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { complianceCounts } from '../lib/attendance/sql';
import { figuresByChild, monthsOfArea, pendingVillages, villageFigures, villageMonthFigures } from '../lib/figures/sql';
import { chinaToday } from '../lib/time';
import { openDatabase } from './database';
import { localSecret } from './secrets';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    requests: { type: 'string', default: '30' },
    port: { type: 'string', default: '3200' },
    'skip-offline': { type: 'boolean', default: false },
  },
});
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
  if (!session) throw new Error('sign-in failed: is the city data set seeded (npm run seed:scale -- --scale city)?');
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
    `checkin_20_concurrent: ${perSecond} requests/s, median ${timing.median_ms} ms, p95 ${timing.p95_ms} ms over ${timing.requests} check-ins`,
  );
  return { concurrent_users: CONCURRENT, requests_per_second: perSecond, ...timing };
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

/** Every village recomputed from scratch, as at the start of a day, with nothing else running; in seconds. */
async function fullRefresh(today: string): Promise<number> {
  await waitForFigures(today); // a fresh server computes what is missing first
  await client.query('UPDATE village_figures SET computed_on = computed_on - 1');
  const seconds = await waitForFigures(today);
  log(`figures_full_refresh (every village of the city, as each new day starts): ${seconds} s`);
  return seconds;
}

async function dashboards(countyCookie: string, today: string, year: number) {
  const cityCookie = await signIn('cityleader', 'Bangfu@2026');
  const run = (query: { text: string; values: readonly unknown[] }) => client.query(query.text, [...query.values]);
  // The dashboard's own two reads of the kept figures, as the app sends them.
  const readKept = (prefix: string, childLength: number) => async () => {
    await run(figuresByChild(prefix, childLength));
    await run(monthsOfArea(prefix));
  };
  const fromSources = (codes: string[]) => async () => {
    await run(villageFigures(codes, year, today));
    await run(villageMonthFigures(codes, year));
    const compliance = complianceCounts(codes, year, today);
    await client.query(compliance.text, [...compliance.values]);
  };
  const get = (cookie: string, path: string) => async () => {
    const response = await fetch(`${BASE}${path}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    await response.text();
  };
  const out: Record<string, unknown> = {};
  const cases = [
    { name: 'county_dashboard', cookie: countyCookie, prefix: COUNTY, childLength: 9, sourceRuns: REQUESTS },
    { name: 'city_dashboard', cookie: cityCookie, prefix: COUNTY.slice(0, 4), childLength: 6, sourceRuns: 5 },
  ];
  for (const c of cases) {
    const server = await time(get(c.cookie, '/dashboard'));
    const kept = await time(readKept(c.prefix, c.childLength));
    const sources = await time(fromSources(await villagesOf(c.prefix)), 1, c.sourceRuns);
    out[c.name] = {
      server,
      plain_sql_from_sources: sources,
      plain_sql_read_kept_figures: kept,
      ratio_median_to_sources: round(server.median_ms / sources.median_ms),
      ratio_median_to_kept: round(server.median_ms / kept.median_ms),
    };
    log(
      `${c.name}: server median ${server.median_ms} ms, p95 ${server.p95_ms} ms | plain SQL from the source tables median ${sources.median_ms} ms, p95 ${sources.p95_ms} ms (${sources.requests} runs) | plain SQL reading the kept figures median ${kept.median_ms} ms, p95 ${kept.p95_ms} ms`,
    );
  }

  // A write, then the next dashboard request: it recomputes the written village before answering.
  const village = (await villagesOf(COUNTY))[0];
  const {
    rows: [creator],
  } = await client.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'county'`);
  const samples: number[] = [];
  for (let i = 0; i < 10; i++) {
    const {
      rows: [problem],
    } = await client.query<{ id: number }>(
      `INSERT INTO problem (region_code, category, urgency, source, description, deadline, found_on, created_by_id)
       VALUES ($1, 'OTHER', 'NORMAL', 'REPORT', 'bench: freshness', $2::date + 30, $2::date, $3) RETURNING id`,
      [village, today, creator.id],
    );
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
    await client.query('DELETE FROM problem WHERE id = $1', [problem.id]);
  }
  await get(countyCookie, '/dashboard')();
  const afterWrite = summarise(samples);
  out.county_dashboard_after_a_write = afterWrite;
  log(
    `county_dashboard_after_a_write (shows the write): median ${afterWrite.median_ms} ms, p95 ${afterWrite.p95_ms} ms over ${afterWrite.requests}`,
  );
  return out;
}

const database = await openDatabase('bangfu_city');
const client = new pg.Client({ connectionString: database.url });
await client.connect();
const {
  rows: [{ households }],
} = await client.query<{ households: string }>('SELECT count(*) AS households FROM household');
log(`city data set: ${households} households`);
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  AUTH_SECRET: localSecret('AUTH_SECRET'),
  PII_KEY: localSecret('PII_KEY'),
  NEXT_TELEMETRY_DISABLED: '1',
};
const results: Record<string, unknown> = {};
const server = spawn('npx', ['next', 'start', '-p', values.port], { env, stdio: 'ignore', detached: true });
try {
  await waitForServer();
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  results.households = Number(households);
  results.figures_full_refresh_seconds = await fullRefresh(today);
  const cookie = await signIn('county', 'Bangfu@2026');
  const page = (path: string) => async () => {
    const response = await fetch(`${BASE}${path}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    await response.text();
  };
  // The same two queries the search page runs (count + one page), as plain SQL.
  const sql = (where: string, params: unknown[]) => async () => {
    await client.query(`SELECT count(*) FROM household h WHERE h.region_code LIKE $1 ${where}`, params);
    await client.query(
      `SELECT h.id, h.head_name, h.region_code, h.group_name, h.status, h.member_count, h.allowance, h.poverty_causes, h.exit_year,
              v.name AS village, t.name AS township, p.id_last4
         FROM household h JOIN region v ON v.code = h.region_code LEFT JOIN region t ON t.code = v.parent_code
         LEFT JOIN person p ON p.household_id = h.id AND p.is_head
        WHERE h.region_code LIKE $1 ${where} ORDER BY h.head_name, h.id LIMIT 30`,
      params,
    );
  };
  const scenarios = [
    {
      name: 'household_search_by_initials',
      path: '/households?q=zs',
      where: 'AND h.head_initials LIKE $2',
      params: [`${COUNTY}%`, 'zs%'],
    },
    {
      name: 'household_search_registered_poor',
      path: '/households?status=REGISTERED_POOR',
      where: "AND h.status = 'REGISTERED_POOR'",
      params: [`${COUNTY}%`],
    },
  ];
  for (const scenario of scenarios) {
    const server = await time(page(scenario.path));
    const plain = await time(sql(scenario.where, scenario.params));
    results[scenario.name] = { server, plain_sql: plain, ratio_median: round(server.median_ms / plain.median_ms) };
    log(
      `${scenario.name}: server median ${server.median_ms} ms, p95 ${server.p95_ms} ms | plain SQL median ${plain.median_ms} ms, p95 ${plain.p95_ms} ms`,
    );
  }

  // The county compliance table (驻村考勤达标) against its one grouped query, run as plain SQL.
  const complianceServer = await time(page('/teams/compliance'));
  const compliancePlain = await time(async () => {
    const compliance = complianceCounts(COUNTY, year, today);
    await client.query(compliance.text, [...compliance.values]);
  });
  results.county_compliance_table = {
    server: complianceServer,
    plain_sql: compliancePlain,
    ratio_median: round(complianceServer.median_ms / compliancePlain.median_ms),
  };
  log(
    `county_compliance_table: server median ${complianceServer.median_ms} ms, p95 ${complianceServer.p95_ms} ms | plain SQL median ${compliancePlain.median_ms} ms, p95 ${compliancePlain.p95_ms} ms`,
  );

  Object.assign(results, await dashboards(cookie, today, year));

  results.checkin_20_concurrent = await checkInThroughput(today);
} finally {
  process.kill(-server.pid!, 'SIGTERM');
  await client.end();
  await database.stop();
}
// The phone's offline path (issue 16), in Chromium on the demo county: its own script and database, run once
// the city's server and database are down.
if (!values['skip-offline']) {
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
