// npm run bench [-- --json] [--requests 30]
// Server response of pages on the city-scale data set (npm run seed:scale -- --scale city), median and p95
// over N requests after a warm-up, beside the same figures computed in plain SQL in the same run.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from './database';
import { localSecret } from './secrets';
import { COMPLIANCE_SQL, complianceParams } from '../lib/attendance/compliance-sql';
import { chinaDate } from '../lib/attendance/rules';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, requests: { type: 'string', default: '30' }, port: { type: 'string', default: '3200' } } });
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
async function time(fn: () => Promise<unknown>, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
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
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') },
    body: new URLSearchParams({ username, password, csrfToken }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('authjs.session-token='));
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
  const clearToday = () => client.query(
    `DELETE FROM attendance_record r USING cadre c JOIN app_user u ON u.id = c.user_id
      WHERE r.cadre_id = c.id AND u.username = ANY($1) AND r.day = $2::date`, [accounts, today]);
  const checkIn = async (cookie: string) => {
    const started = performance.now();
    const response = await fetch(`${BASE}/api/attendance/checkin`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json' },
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
  log(`checkin_20_concurrent: ${perSecond} requests/s, median ${timing.median_ms} ms, p95 ${timing.p95_ms} ms over ${timing.requests} check-ins`);
  return { concurrent_users: CONCURRENT, requests_per_second: perSecond, ...timing };
}
const database = await openDatabase('bangfu_city');
const client = new pg.Client({ connectionString: database.url });
await client.connect();
const { rows: [{ households }] } = await client.query<{ households: string }>('SELECT count(*) AS households FROM household');
log(`city data set: ${households} households`);
const env = { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: localSecret('AUTH_SECRET'), PII_KEY: localSecret('PII_KEY'), NEXT_TELEMETRY_DISABLED: '1' };
const server = spawn('npx', ['next', 'start', '-p', values.port], { env, stdio: 'ignore', detached: true });
try {
  await waitForServer();
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
  const results: Record<string, unknown> = { households: Number(households) };
  const scenarios = [
    { name: 'household_search_by_initials', path: '/households?q=zs', where: 'AND h.head_initials LIKE $2', params: [`${COUNTY}%`, 'zs%'] },
    { name: 'household_search_registered_poor', path: '/households?status=REGISTERED_POOR', where: "AND h.status = 'REGISTERED_POOR'", params: [`${COUNTY}%`] },
  ];
  for (const scenario of scenarios) {
    const server = await time(page(scenario.path));
    const plain = await time(sql(scenario.where, scenario.params));
    results[scenario.name] = { server, plain_sql: plain, ratio_median: round(server.median_ms / plain.median_ms) };
    log(`${scenario.name}: server median ${server.median_ms} ms, p95 ${server.p95_ms} ms | plain SQL median ${plain.median_ms} ms, p95 ${plain.p95_ms} ms`);
  }

  // The county compliance table (驻村考勤达标) against its one grouped query, run as plain SQL.
  const today = chinaDate(new Date());
  const year = Number(today.slice(0, 4));
  const complianceServer = await time(page('/teams/compliance'));
  const compliancePlain = await time(async () => {
    await client.query(COMPLIANCE_SQL, complianceParams(COUNTY, year, today));
  });
  results.county_compliance_table = { server: complianceServer, plain_sql: compliancePlain, ratio_median: round(complianceServer.median_ms / compliancePlain.median_ms) };
  log(`county_compliance_table: server median ${complianceServer.median_ms} ms, p95 ${complianceServer.p95_ms} ms | plain SQL median ${compliancePlain.median_ms} ms, p95 ${compliancePlain.p95_ms} ms`);

  results.checkin_20_concurrent = await checkInThroughput(today);
  console.log(JSON.stringify(results));
} finally {
  process.kill(-server.pid!, 'SIGTERM');
  await client.end();
  await database.stop();
}
