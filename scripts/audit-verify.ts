// npm run audit:verify [-- --database bangfu]: recomputes the audit log's hash chain and names the first row
// changed or missing; exit code 1 if there is one. Uses DATABASE_URL, or the embedded server's database.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ChainChecker, type ChainProblem, type ChainRow, describeProblem } from '../lib/audit/chain';
import { runAsScript } from './cli';
import { openMaintenanceDatabase, safeUrl } from './maintenance-db';

const BATCH = 5000;

export type ChainReport = {
  rows: number;
  problems: ChainProblem[];
  head: { lastId: string; hash: string } | null;
  ms: number;
};

/** Checks the chain as the client sees it (the CLI runs it in one REPEATABLE READ snapshot). */
export async function verifyAuditChain(client: pg.ClientBase): Promise<ChainReport> {
  const started = performance.now();
  const checker = new ChainChecker();
  const { rows: heads } = await client.query<{ lastId: string; hash: string }>(
    'SELECT last_id::text AS "lastId", hash FROM audit_chain_head WHERE id = 1',
  );
  let after = '-1';
  for (;;) {
    // `changes` as PostgreSQL's jsonb text: the exact text the trigger hashed.
    const { rows } = await client.query<ChainRow>(
      `SELECT id::text, at, user_id AS "userId", username, role::text, action, entity, entity_id AS "entityId",
              region_code AS "regionCode", result::text, changes::text, message, request_id AS "requestId",
              prev_hash AS "prevHash", hash
         FROM audit_log WHERE audit_log.id > $1::bigint ORDER BY audit_log.id LIMIT ${BATCH}`,
      [after],
    );
    for (const row of rows) checker.add(row);
    if (rows.length < BATCH) break;
    after = rows.at(-1)!.id;
  }
  const problems = checker.finish(heads[0] ?? null);
  return { rows: checker.rows, problems, head: heads[0] ?? null, ms: performance.now() - started };
}

export function reportLines(report: ChainReport): string[] {
  const seconds = report.ms / 1000;
  const figure = `audit:verify: ${report.rows} rows checked in ${seconds.toFixed(2)} s (${Math.round(report.rows / Math.max(seconds, 0.001))} rows/s)`;
  if (!report.problems.length)
    return [`${figure}; chain intact, newest row ${report.head?.lastId ?? '-'} ${report.head?.hash ?? ''}`];
  return [
    `${figure}; CHAIN BROKEN: ${report.problems.length} problem(s)`,
    `first: ${describeProblem(report.problems[0]!)}`,
    ...report.problems.slice(1, 10).map((problem) => `  also: ${describeProblem(problem)}`),
  ];
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { database: { type: 'string', default: 'bangfu' } } });
  const database = await openMaintenanceDatabase(values.database);
  const client = new pg.Client({ connectionString: database.url });
  try {
    await client.connect();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const report = await verifyAuditChain(client);
    await client.query('COMMIT');
    console.log(`database: ${safeUrl(database.url)}`);
    for (const line of reportLines(report)) (report.problems.length ? console.error : console.log)(line);
    return report.problems.length ? 1 : 0;
  } finally {
    await client.end();
    await database.stop();
  }
}

runAsScript(import.meta.url, 'audit:verify', main);
