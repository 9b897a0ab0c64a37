// Roster import benchmark: generates a roster of N rows (default 100,000 people in about 29,000
// households across the test county's villages), then times check, import, a second import of the
// same file (must write nothing) and the export of the county, against a temporary database.
//
//   npx tsx --conditions=react-server scripts/bench-import.ts [--rows 100000] [--json]
//
// (--conditions=react-server makes the 'server-only' guard of lib/*/data.ts a no-op outside Next.)
// The database is a fresh embedded PostgreSQL in a temporary folder on port 54363, removed at the
// end; with BENCH_DATABASE_URL (an admin URL of a server where the script may create databases) it
// uses that server instead and drops its database `bangfu_bench_import` afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seed } from '../prisma/seed/run';
import { deployMigrations } from './db/migrate';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-db';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, json: { type: 'boolean', default: false } },
});
const ROWS = Math.max(10, Number(values.rows));
const DB_NAME = 'bangfu_bench_import';

const log = (line: string) => {
  if (!values.json) console.log(line);
};
const seconds = (ms: number) => Math.round(ms / 10) / 100;

async function main() {
  process.env.PII_KEY ??= randomBytes(32).toString('base64');
  let url: string;
  let cleanup = async () => {};
  if (process.env.BENCH_DATABASE_URL) {
    const admin = process.env.BENCH_DATABASE_URL;
    await ensureDatabase(admin, DB_NAME, true);
    const target = new URL(admin);
    target.pathname = `/${DB_NAME}`;
    url = target.toString();
    cleanup = async () => {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
      await client.end();
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-import-pg-'));
    const server = await startEmbeddedPostgres(dir, 54363);
    url = await server.ensureDatabase(DB_NAME, true);
    cleanup = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  process.env.DATABASE_URL = url;
  try {
    await run(url);
  } finally {
    const { db } = await import('../lib/db');
    await db.$disconnect();
    await cleanup();
  }
}

async function run(url: string) {
  const started = performance.now();
  await deployMigrations(url);
  await seed(url, 'test', () => {});
  log(`database ready (migrations and the test profile) in ${seconds(performance.now() - started)} s`);

  // Imported after DATABASE_URL is set.
  const { db } = await import('../lib/db');
  const { idCheckChar } = await import('../lib/validation');
  const { rosterWorkbookBuffer } = await import('../lib/roster/xlsx');
  const { checkRoster, importRoster } = await import('../lib/roster/commands');
  const { prepareRosterExport } = await import('../lib/roster/data');

  const user = await db.user.findUniqueOrThrow({ where: { username: 'county' }, include: { scope: true } });
  const viewer = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scopeCode: user.scopeCode,
    scopeName: user.scope.name,
    sessionId: 'bench',
    mustChangePassword: false,
  };
  const villages = (
    await db.region.findMany({
      where: { level: 'VILLAGE', code: { startsWith: user.scopeCode } },
      select: { code: true },
    })
  ).map((v) => v.code);
  const peopleBefore = await db.person.count();

  // ── the file: households of 1–6 people, IDs unique by construction (a county code the seed never uses)
  let t = performance.now();
  const RELATIONS = ['户主', '配偶', '子女', '子女', '父母', '孙辈'];
  const HEALTH = ['健康', '健康', '健康', '长期慢性病', '患有大病', '残疾'];
  const rows: string[][] = [];
  const idOf = (i: number, male: boolean) => {
    const day = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 500) * 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replace(/-/g, '');
    const first17 = `990199${day}${String((i % 500) * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
    return first17 + idCheckChar(first17);
  };
  let person = 0;
  let household = 0;
  while (person < ROWS) {
    const size = Math.min(1 + (household % 6), ROWS - person);
    const village = villages[household % villages.length];
    const headId = idOf(person, true);
    const facts = [
      ['无', '一类低保', '二类低保', '五保'][household % 4],
      ['因病', '缺资金、缺技术', '因学', ''][household % 4],
      '是',
      '是',
      '是',
      household % 5 === 0 ? '否' : '是',
      '是',
      '是',
    ];
    for (let m = 0; m < size; m++, person++) {
      const id = m === 0 ? headId : idOf(person, m % 2 === 0);
      const head = m === 0;
      rows.push([
        village,
        `${1 + (household % 9)}组`,
        headId,
        RELATIONS[m],
        `${'王李张刘陈杨'[household % 6]}${'建国秀英志明海燕'[m % 8]}${person % 97}`,
        id,
        head && household % 3 === 0 ? `139${String(10_000_000 + household).slice(-8)}` : '',
        HEALTH[person % 6],
        '有劳动力',
        m >= 2 ? '是' : '否',
        // household columns: on the head's row, and on every second household repeated on the members' rows
        ...(head || household % 2 === 0 ? facts : facts.map(() => '')),
      ]);
    }
    household += 1;
  }
  const file = await rosterWorkbookBuffer(rows);
  rows.length = 0;
  const generateMs = performance.now() - t;
  log(
    `generated ${ROWS.toLocaleString()} rows, ${household.toLocaleString()} households: ${(file.length / 1048576).toFixed(1)} MB in ${seconds(generateMs)} s`,
  );

  const phases: Record<string, number> = {};
  /** Seconds per phase, from the progress callbacks (each phase ends when the next begins, the last when `end` is called). */
  const tracker = (label: string) => {
    let phase = '';
    let since = performance.now();
    const mark = (next: string) => {
      const now = performance.now();
      if (phase) phases[`${label}.${phase}`] = seconds(now - since);
      phase = next;
      since = now;
    };
    return Object.assign((p: { phase: string }) => p.phase !== phase && mark(p.phase), { end: () => mark('') });
  };

  // ── check
  t = performance.now();
  const checkPhases = tracker('check');
  const checked = await checkRoster(viewer, { file, fileName: 'bench.xlsx', locale: 'zh-CN', onProgress: checkPhases });
  checkPhases.end();
  const checkMs = performance.now() - t;
  if (!checked.ok) throw new Error(`check failed: ${checked.message}`);
  log(`check:    ${seconds(checkMs)} s  ${JSON.stringify(checked.report.counts)}`);
  if (checked.report.issueCount > 0) {
    console.error(
      'the generated file has problems:',
      checked.report.issuesByColumn,
      checked.report.issues.slice(0, 10),
    );
    process.exitCode = 1;
  }

  // ── import
  t = performance.now();
  const importPhases = tracker('import');
  const imported = await importRoster(viewer, {
    file,
    fileName: 'bench.xlsx',
    locale: 'zh-CN',
    expectedHash: checked.report.fileHash,
    onProgress: importPhases,
  });
  importPhases.end();
  const importMs = performance.now() - t;
  if (!imported.ok) throw new Error(`import failed: ${imported.message}`);
  const written = (await db.person.count()) - peopleBefore;
  log(`import:   ${seconds(importMs)} s  wrote ${imported.report.counts.newHouseholds} households, ${written} people`);

  // ── the same file again: nothing may change
  t = performance.now();
  const again = await importRoster(viewer, {
    file,
    fileName: 'bench.xlsx',
    locale: 'zh-CN',
    expectedHash: checked.report.fileHash,
  });
  const againMs = performance.now() - t;
  if (!again.ok) throw new Error(`re-import failed: ${again.message}`);
  const writtenAgain = (await db.person.count()) - peopleBefore - written;
  log(
    `again:    ${seconds(againMs)} s  wrote ${again.report.counts.newRows} people (${again.report.counts.existingRows} already registered); people added: ${writtenAgain}`,
  );

  // ── export of the whole county (streamed into a counter)
  t = performance.now();
  const prepared = await prepareRosterExport(viewer, user.scopeCode);
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const finished = new Promise((resolve) => sink.on('finish', resolve));
  const exported = await prepared.write(sink);
  await finished;
  const exportMs = performance.now() - t;
  log(`export:   ${seconds(exportMs)} s  ${exported.rows} rows, ${(bytes / 1048576).toFixed(1)} MB`);

  const result = {
    rows: ROWS,
    households: household,
    fileMB: Math.round(file.length / 104857.6) / 10,
    cpus: os.cpus().length,
    node: process.version,
    seconds: {
      generate: seconds(generateMs),
      check: seconds(checkMs),
      import: seconds(importMs),
      checkPlusImport: seconds(checkMs + importMs),
      reimport: seconds(againMs),
      export: seconds(exportMs),
    },
    phases,
    written,
    writtenAgain,
    exportedRows: exported.rows,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else
    log(
      `check + import: ${result.seconds.checkPlusImport} s for ${ROWS.toLocaleString()} rows (peak RSS ${result.peakRssMB} MB); phases ${JSON.stringify(phases)}`,
    );
  if (writtenAgain !== 0 || written !== ROWS) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
