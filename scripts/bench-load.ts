// npm run bench:load [-- --users 200 --seconds 60 --think-ms 10000 --port 3210 --json]
// Many people at work at once: virtual users for a fixed time against a production build of this checkout
// (NEXT_DIST_DIR or .next; run `next build` first), served on 127.0.0.1 only, on the demo county in its own
// database `bangfu_load` (seeded on first run, a few minutes). Each user loops: one request, then a pause
// (uniform 0..2 × think time: by default 10 s on average, a person reading a page or filling a form), mixing phone check-ins, visit saves (the server action, as the phone sends it),
// household searches, dashboards and the problem ledger. Bounded: at most 500 users, 600 s and 200,000
// requests; it stops by itself. Prints requests/s, p50/p95 by kind and errors, then one JSON line.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { pendingVillages } from '../lib/figures/sql';
import { chinaToday } from '../lib/time';
import { DEMO_COUNTY_CODE } from '../prisma/seed/profiles';
import {
  callAction,
  copyMemberAccount,
  DEMO_PASSWORD,
  openBenchDatabase,
  requireBuild,
  serverActionId,
  signIn,
  sleep,
  startApp,
} from './bench-app';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    'think-ms': { type: 'string', default: '10000' },
    port: { type: 'string', default: '3210' },
    json: { type: 'boolean', default: false },
  },
});
const USERS = Math.min(500, Math.max(1, Number(values.users)));
const SECONDS = Math.min(600, Math.max(5, Number(values.seconds)));
const THINK_MS = Math.min(60_000, Math.max(0, Number(values['think-ms'])));
const MAX_REQUESTS = 200_000;
const REQUEST_TIMEOUT_MS = 60_000; // a slower answer counts as an error
const LOAD_ACCOUNTS = 40; // team members made for the bench (load01..load40), each linked to a posted cadre
const log = (line: string) => !values.json && console.log(line);

requireBuild();
const { database, client } = await openBenchDatabase(log);
const today = chinaToday();

/** load01..load40: team members posted today, each linked to the cadre of a posting (copies of the demo `member`). */
async function ensureLoadAccounts(): Promise<{ username: string; village: string }[]> {
  const list = () =>
    client.query<{ username: string; village: string }>(
      `SELECT username, scope_code AS village FROM app_user WHERE username LIKE 'load__' ORDER BY username`,
    );
  const { rows: existing } = await list();
  if (existing.length >= LOAD_ACCOUNTS) return existing.slice(0, LOAD_ACCOUNTS);
  const { rows: cadres } = await client.query<{ cadre_id: number; village: string }>(
    `SELECT DISTINCT ON (c.id) c.id AS cadre_id, p.village_code AS village
       FROM posting p JOIN cadre c ON c.id = p.cadre_id
      WHERE p.village_code LIKE $1 AND p.start_date <= $2::date AND p.planned_end_date >= $2::date
        AND (p.ended_on IS NULL OR p.ended_on >= $2::date) AND c.user_id IS NULL
      ORDER BY c.id LIMIT $3`,
    [`${DEMO_COUNTY_CODE}%`, today, LOAD_ACCOUNTS - existing.length],
  );
  for (const [i, cadre] of cadres.entries()) {
    const userId = await copyMemberAccount(
      client,
      `load${String(existing.length + i + 1).padStart(2, '0')}`,
      cadre.village,
    );
    await client.query('UPDATE cadre SET user_id = $1 WHERE id = $2', [userId, cadre.cadre_id]);
  }
  return (await list()).rows;
}
const loadAccounts = await ensureLoadAccounts();
const householdsOf = new Map<string, number[]>();
for (const account of loadAccounts) {
  const { rows } = await client.query<{ id: number }>(
    'SELECT id FROM household WHERE region_code = $1 ORDER BY id LIMIT 30',
    [account.village],
  );
  householdsOf.set(
    account.username,
    rows.map((r) => Number(r.id)),
  );
}
log(`load accounts: ${loadAccounts.length} team members (password ${DEMO_PASSWORD})`);
const createVisitId = serverActionId('lib/visits/actions.ts', 'createVisit'); // the visit form's action
const app = await startApp(database.url, Number(values.port));
const BASE = app.base; // 127.0.0.1 only

type Kind = 'checkin' | 'visit_save' | 'household_search' | 'dashboard' | 'ledger';
const WEIGHTS: [Kind, number][] = [
  ['checkin', 20],
  ['visit_save', 15],
  ['household_search', 25],
  ['dashboard', 20],
  ['ledger', 20],
];
const samples: Record<Kind, number[]> = {
  checkin: [],
  visit_save: [],
  household_search: [],
  dashboard: [],
  ledger: [],
};
const errors: Record<Kind, number> = { checkin: 0, visit_save: 0, household_search: 0, dashboard: 0, ledger: 0 };
const errorExamples = new Map<string, number>();
let requests = 0;

try {
  const member = new Map<string, string>();
  for (const account of loadAccounts) member.set(account.username, await signIn(BASE, account.username));
  const office = {
    county: await signIn(BASE, 'county'),
    township: await signIn(BASE, 'township'),
    leader: await signIn(BASE, 'leader'),
  };
  const readers = [office.county, office.township, office.leader];
  const searches = ['zs', 'w', 'l', 'zh', 'li', 'ch', 'y', 'status=REGISTERED_POOR', 'status=EXITED'];

  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
  const pickKind = (): Kind => {
    let r = Math.random() * 100;
    for (const [kind, weight] of WEIGHTS) if ((r -= weight) < 0) return kind;
    return 'ledger';
  };

  /** One request of a kind; true when the app answered as a user expects (2xx and, for writes, ok). */
  async function once(kind: Kind): Promise<void> {
    const account = pick(loadAccounts);
    const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    let ok: boolean;
    let detail = '';
    if (kind === 'checkin') {
      const response = await fetch(`${BASE}/api/attendance/checkin`, {
        method: 'POST',
        signal,
        headers: { cookie: member.get(account.username)!, 'content-type': 'application/json', origin: BASE },
        body: JSON.stringify({ latitude: 34.58, longitude: 105.72, accuracy: 30 }),
      });
      const text = await response.text();
      ok = response.ok && text.includes('"ok":true');
      detail = `${response.status} ${text.slice(0, 120)}`;
    } else if (kind === 'visit_save') {
      const householdId = pick(householdsOf.get(account.username) ?? []);
      const { status, text } = await callAction(
        BASE,
        `/visits/new?household=${householdId}`,
        createVisitId,
        member.get(account.username)!,
        {
          clientKey: randomUUID(),
          householdId: String(householdId),
          visitedOn: today,
          kind: 'IN_PERSON',
          metWith: '户主',
          findings: '压力测试走访',
          helpDelivered: '',
          photoKeys: '',
          problems: [],
        },
        signal,
      );
      ok = status === 200 && text.includes('"ok":true');
      detail = `${status} ${text.slice(0, 160)}`;
    } else {
      const search = pick(searches);
      const target =
        kind === 'household_search'
          ? `/households?${search.includes('=') ? search : `q=${search}`}`
          : kind === 'dashboard'
            ? '/dashboard'
            : '/problems';
      const response = await fetch(`${BASE}${target}`, { signal, headers: { cookie: pick(readers) } });
      await response.arrayBuffer();
      ok = response.status === 200;
      detail = `${response.status} ${target}`;
    }
    if (!ok) {
      errors[kind]++;
      const key = `${kind}: ${detail}`;
      errorExamples.set(key, (errorExamples.get(key) ?? 0) + 1);
    }
  }

  // A fresh server first computes the dashboard figures of every village (lib/figures/refresher.ts): not part of the day.
  for (let i = 0; i < 100; i++) {
    const query = pendingVillages('', today); // every village, as the dashboard counts its area's
    const {
      rows: [{ n: pending }],
    } = await client.query<{ n: number }>(query.text, [...query.values]);
    if (pending === 0) break;
    log(`  waiting for the server to compute the figures of ${pending} villages…`);
    await sleep(3000);
  }
  for (const kind of ['checkin', 'visit_save', 'household_search', 'dashboard', 'ledger'] as Kind[])
    await once(kind).catch(() => {}); // warm-up, not counted
  for (const kind of Object.keys(errors) as Kind[]) errors[kind] = 0;
  errorExamples.clear();

  log(`${USERS} virtual users for ${SECONDS} s (think time ${THINK_MS} ms on average) against ${BASE}…`);
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: USERS }, async (_, vu) => {
      await sleep((vu / USERS) * Math.min(THINK_MS * 2, 5000)); // arrive over the first seconds, not all in one instant
      while (performance.now() < deadline && requests < MAX_REQUESTS) {
        const kind = pickKind();
        requests++;
        const t0 = performance.now();
        try {
          await once(kind);
        } catch (error) {
          errors[kind]++;
          const key = `${kind}: ${(error as Error).name} ${(error as Error).message}`.slice(0, 200);
          errorExamples.set(key, (errorExamples.get(key) ?? 0) + 1);
        }
        samples[kind].push(performance.now() - t0);
        await sleep(Math.random() * 2 * THINK_MS);
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;

  const round = (n: number) => Math.round(n * 10) / 10;
  const at = (sorted: number[], q: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0;
  const byKind: Record<string, unknown> = {};
  for (const [kind] of WEIGHTS) {
    const sorted = [...samples[kind]].sort((a, b) => a - b);
    byKind[kind] = {
      requests: sorted.length,
      errors: errors[kind],
      p50_ms: round(at(sorted, 0.5)),
      p95_ms: round(at(sorted, 0.95)),
      max_ms: round(sorted.at(-1) ?? 0),
    };
    log(
      `${kind.padEnd(17)} ${String(sorted.length).padStart(6)} requests, p50 ${round(at(sorted, 0.5))} ms, p95 ${round(at(sorted, 0.95))} ms, errors ${errors[kind]}`,
    );
  }
  const totalErrors = Object.values(errors).reduce((a, b) => a + b, 0);
  const all = Object.values(samples)
    .flat()
    .sort((a, b) => a - b);
  log(
    `total: ${all.length} requests in ${round(wall)} s = ${round(all.length / wall)} requests/s, p50 ${round(at(all, 0.5))} ms, p95 ${round(at(all, 0.95))} ms, errors ${totalErrors}`,
  );
  for (const [example, count] of [...errorExamples].slice(0, 10)) log(`  error ×${count}: ${example}`);
  console.log(
    JSON.stringify({
      bench: 'load',
      data_set: 'demo county (bangfu_load)',
      users: USERS,
      seconds: SECONDS,
      think_ms: THINK_MS,
      wall_seconds: round(wall),
      requests: all.length,
      requests_per_second: round(all.length / wall),
      p50_ms: round(at(all, 0.5)),
      p95_ms: round(at(all, 0.95)),
      errors: totalErrors,
      by_kind: byKind,
    }),
  );
  if (totalErrors > 0) process.exitCode = 1;
} finally {
  app.stop();
  await client.end();
  await database.stop();
}
