// npm run check:faults [-- --port 3212]
// PostgreSQL stopped and started again under a running production build (the demo county in bangfu_load, as
// bench:load; run `next build` first): while it is down, a page and a phone check-in answer "busy, retry"
// within seconds; once it is back, the same server answers normally, without a restart. One JSON line.
import { parseArgs } from 'node:util';
import { openBenchDatabase, requireBuild, signIn, sleep, startApp } from './bench-app';
import { openDatabase } from './database';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3212' } } });
// A page carries the error's digest DATABASE_BUSY (lib/db.ts), from which app/error.tsx shows "系统繁忙" in the
// browser (the words themselves are in every page: its client components get all message texts); a route or
// action answers the message itself.
const BUSY = /\\?"digest\\?":\\?"DATABASE_BUSY|"formError":"系统繁忙/;

requireBuild();
let { database, client } = await openBenchDatabase(() => {});
await client.end();
const app = await startApp(database.url, Number(values.port));
const results: Record<string, unknown> = {};
let ok = true;
const check = (name: string, pass: boolean, detail: Record<string, unknown>) => {
  results[name] = { ...detail, pass };
  ok &&= pass;
  console.log(`${pass ? 'ok  ' : 'FAIL'} ${name}: ${JSON.stringify(detail)}`);
};
async function timed(path: string, cookie: string, init: RequestInit = {}) {
  const started = performance.now();
  const response = await fetch(`${app.base}${path}`, {
    ...init,
    headers: { cookie, origin: app.base, ...init.headers },
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  return { status: response.status, ms: Math.round(performance.now() - started), busy: BUSY.test(text), text };
}
const checkIn = (cookie: string) =>
  timed('/api/attendance/checkin', cookie, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });

try {
  const county = await signIn(app.base, 'county');
  const member = await signIn(app.base, 'load01');
  const before = await timed('/households', county);
  check('before', before.status === 200, { status: before.status, ms: before.ms });

  await database.stop();
  const page = await timed('/households', county);
  check('page_while_down', page.busy && page.ms < 15_000, { status: page.status, ms: page.ms, says_busy: page.busy });
  const down = await checkIn(member);
  check('checkin_while_down', down.busy && down.ms < 15_000, {
    status: down.status,
    ms: down.ms,
    says_busy: down.busy,
  });

  database = await openDatabase('bangfu_load');
  let after = await timed('/households', county);
  for (let i = 0; i < 10 && after.status !== 200; i++) {
    await sleep(1000);
    after = await timed('/households', county);
  }
  check('page_after_restart', after.status === 200 && !after.busy, { status: after.status, ms: after.ms });
  const again = await checkIn(member);
  check('checkin_after_restart', again.status === 200 && again.text.includes('"ok":true'), {
    status: again.status,
    ms: again.ms,
  });
} finally {
  app.stop();
  await database.stop();
}
console.log(JSON.stringify({ check: 'faults', ...results, ok }));
if (!ok) process.exitCode = 1;
