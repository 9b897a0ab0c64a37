// npm run bench:security [-- --port 3211 --json]
// A small attack battery against a production build on 127.0.0.1 (the demo county in bangfu_load, as
// bench:load), so its figures can be compared over time: attempts made, refused, leaked, per group.
//   cross_area_pages    each area-bound role opens records of other areas (households, problems, teams, team
//                       attendance, regions, cadres): 403/404 or a sign-in redirect is refused, 200 is leaked
//   cross_area_actions  the same roles save a visit to a household of another area (the visit form's action)
//   open_redirect       /api/locale?next=… payloads: a Location on another host is leaked
//   lockout             40 wrong passwords at once for one account, then the right one: it must be refused
//                       and the account locked (account `sectest`, reset afterwards)
// Ends with one JSON line; the exit code is 1 when anything leaked.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { chinaToday } from '../lib/time';
import { DEMO_COUNTY_CODE } from '../prisma/seed/profiles';
import {
  callAction,
  copyMemberAccount,
  openBenchDatabase,
  requireBuild,
  serverActionId,
  signIn,
  startApp,
  trySignIn,
} from './bench-app';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '3211' }, json: { type: 'boolean', default: false } },
});
const log = (line: string) => !values.json && console.log(line);

type Group = { attempts: number; refused: number; leaked: number; other: number; leaks: string[] };
const groups: Record<string, Group> = {};
function count(group: string, outcome: 'refused' | 'leaked' | 'other', what: string) {
  const g = (groups[group] ??= { attempts: 0, refused: 0, leaked: 0, other: 0, leaks: [] });
  g.attempts++;
  g[outcome]++;
  if (outcome !== 'refused' && g.leaks.length < 10) g.leaks.push(`${outcome}: ${what}`);
}

requireBuild();
const { database, client } = await openBenchDatabase(log);
const createVisitId = serverActionId('lib/visits/actions.ts', 'createVisit');
const app = await startApp(database.url, Number(values.port));
const BASE = app.base; // 127.0.0.1 only
const today = chinaToday();

try {
  const VIEWERS = ['township', 'township2', 'teamleader', 'member', 'cadre'];
  for (const username of VIEWERS) {
    const cookie = await signIn(BASE, username);
    const {
      rows: [viewer],
    } = await client.query<{ scope: string; cadre: number | null }>(
      `SELECT u.scope_code AS scope, c.id AS cadre FROM app_user u LEFT JOIN cadre c ON c.user_id = u.id WHERE u.username = $1`,
      [username],
    );
    const outside = `${viewer.scope}%`;
    const ids = async (sql: string, params: unknown[] = []) =>
      (await client.query<{ id: string }>(sql, [outside, ...params])).rows.map((r) => String(r.id));
    // Records of the demo county outside the viewer's area (a pairing cadre's own households excepted: those are theirs).
    const households = await ids(
      `SELECT h.id FROM household h WHERE h.region_code LIKE '${DEMO_COUNTY_CODE}%' AND h.region_code NOT LIKE $1
          AND NOT EXISTS (SELECT 1 FROM pairing p WHERE p.household_id = h.id AND p.cadre_id = $2 AND p.ended_on IS NULL)
        ORDER BY h.id % 97, h.id LIMIT 4`,
      [viewer.cadre ?? 0],
    );
    const problems = await ids(`SELECT id FROM problem WHERE region_code NOT LIKE $1 ORDER BY id % 89, id LIMIT 3`);
    const teams = await ids(`SELECT id FROM work_team WHERE village_code NOT LIKE $1 ORDER BY id % 7, id LIMIT 2`);
    const regions = await ids(
      `SELECT code AS id FROM region WHERE level IN ('TOWNSHIP', 'VILLAGE') AND code LIKE '${DEMO_COUNTY_CODE}%' AND code NOT LIKE $1 AND $1 NOT LIKE code || '%' ORDER BY code DESC LIMIT 2`,
    );
    // Township staff manage pairings with the whole county's cadres (lib/pairings/data.ts cadreScope): not probed.
    const cadres = username.startsWith('township')
      ? []
      : await ids(
          `SELECT id FROM cadre WHERE region_code NOT LIKE $1 AND $1 NOT LIKE region_code || '%' ORDER BY id % 13, id LIMIT 2`,
        );
    const paths = [
      ...households.map((id) => `/households/${id}`),
      ...problems.map((id) => `/problems/${id}`),
      ...teams.flatMap((id) => [`/teams/${id}`, `/teams/${id}/attendance`]),
      ...regions.map((code) => `/regions/${code}`),
      ...cadres.flatMap((id) => [`/cadres/${id}`, `/teams/people/${id}`]),
    ];
    for (const path of paths) {
      const response = await fetch(`${BASE}${path}`, { headers: { cookie }, redirect: 'manual' });
      await response.arrayBuffer();
      const s = response.status;
      count(
        'cross_area_pages',
        s === 403 || s === 404 || (s >= 300 && s < 400) ? 'refused' : s === 200 ? 'leaked' : 'other',
        `${username} ${path} → ${s}`,
      );
    }
    for (const id of households.slice(0, 3)) {
      const { status, text } = await callAction(BASE, '/visits/new', createVisitId, cookie, {
        clientKey: randomUUID(),
        householdId: id,
        visitedOn: today,
        kind: 'IN_PERSON',
        metWith: '',
        findings: 'security battery',
        helpDelivered: '',
        photoKeys: '',
        problems: [],
      });
      const outcome = text.includes('"ok":true')
        ? 'leaked'
        : text.includes('"ok":false') || status === 403 || status === 404
          ? 'refused'
          : 'other';
      count(
        'cross_area_actions',
        outcome,
        `${username} visit.create household ${id} → ${status} ${text.slice(0, 100)}`,
      );
    }
  }

  // Open redirect: the raw query strings, as an attacker would put them in a link.
  const PAYLOADS = [
    '/%5Cevil.example/x',
    '/%09/evil.example',
    '//evil.example',
    '/%2F/evil.example',
    '%2F%2Fevil.example',
    '/%5C%5Cevil.example',
    'https://evil.example',
    'http:evil.example',
    '%5C%5Cevil.example',
    '/%0D%0ALocation:%20http://evil.example',
    '////evil.example',
    '/%20/evil.example',
    '/.%2F%2Fevil.example',
    'javascript:alert(1)',
    '/%E3%80%82evil.example',
    '/@evil.example',
    'https:%2F%2Fevil.example',
  ];
  for (const payload of PAYLOADS) {
    const response = await fetch(`${BASE}/api/locale?locale=zh-CN&next=${payload}`, { redirect: 'manual' });
    await response.arrayBuffer();
    const location = response.headers.get('location');
    let host: string | null = null;
    try {
      host = location ? new URL(location, BASE).hostname : null;
    } catch {}
    // The app names itself localhost or 127.0.0.1: anything else is another site.
    count(
      'open_redirect',
      host === null || host === 'localhost' || host === '127.0.0.1' ? 'refused' : 'leaked',
      `${payload} → ${response.status} ${location}`,
    );
  }

  // Lockout under concurrency (last: its wrong passwords also block this address for a while).
  const member = (
    await client.query<{ scope_code: string }>(`SELECT scope_code FROM app_user WHERE username = 'member'`)
  ).rows[0];
  await copyMemberAccount(client, 'sectest', member.scope_code);
  const reset = async () => {
    await client.query(`UPDATE app_user SET failed_login_count = 0, locked_until = NULL WHERE username = 'sectest'`);
    await client.query(`DELETE FROM login_throttle WHERE key LIKE 'address:%'`).catch(() => {}); // the address block of this battery
  };
  await reset();
  const wrong = await Promise.all(
    Array.from({ length: 40 }, (_, i) => trySignIn(BASE, 'sectest', `Wrong-password-${i}`)),
  );
  for (const session of wrong) count('lockout', session ? 'leaked' : 'refused', 'a wrong password signed in');
  const right = await trySignIn(BASE, 'sectest');
  count('lockout', right ? 'leaked' : 'refused', 'the right password signed in after 40 wrong ones');
  const {
    rows: [state],
  } = await client.query<{ failed: number; locked: boolean }>(
    `SELECT failed_login_count AS failed, coalesce(locked_until > now(), false) AS locked FROM app_user WHERE username = 'sectest'`,
  );
  // The count goes on past 5 (attempts on a locked account count too) until the address is blocked.
  const lockout = { failed_count: state.failed, locked: state.locked };
  if (!lockout.locked)
    count('lockout', 'leaked', `the account is not locked after 40 wrong passwords: ${JSON.stringify(lockout)}`);
  await reset();

  const total = { attempts: 0, refused: 0, leaked: 0, other: 0 };
  for (const [name, g] of Object.entries(groups)) {
    log(
      `${name.padEnd(19)} attempts ${String(g.attempts).padStart(4)}, refused ${String(g.refused).padStart(4)}, leaked ${g.leaked}${g.other ? `, other ${g.other}` : ''}`,
    );
    for (const leak of g.leaks) log(`    ${leak}`);
    total.attempts += g.attempts;
    total.refused += g.refused;
    total.leaked += g.leaked;
    total.other += g.other;
  }
  log(
    `total               attempts ${total.attempts}, refused ${total.refused}, leaked ${total.leaked}${total.other ? `, other ${total.other}` : ''}; lockout: ${JSON.stringify(lockout)}`,
  );
  console.log(
    JSON.stringify({
      bench: 'security',
      ...total,
      groups: Object.fromEntries(
        Object.entries(groups).map(([name, g]) => [
          name,
          { attempts: g.attempts, refused: g.refused, leaked: g.leaked, other: g.other },
        ]),
      ),
      lockout,
    }),
  );
  if (total.leaked > 0) process.exitCode = 1;
} finally {
  app.stop();
  await client.end();
  await database.stop();
}
