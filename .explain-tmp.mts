import pg from 'pg';
import { VISITS_SQL, TEXTS } from '/work/main/prisma/seed/visits';
const c = new pg.Client({ connectionString: 'postgresql://postgres:postgres@127.0.0.1:54329/visitseed_city' });
await c.connect();
await c.query('BEGIN');
await c.query("DELETE FROM problem WHERE region_code LIKE '990112%'");
await c.query("DELETE FROM visit WHERE region_code LIKE '990112%'");
const sel = process.argv[2] === 'select';
const sql = sel ? VISITS_SQL.replace(/INSERT INTO visit[^)]*\)/, '') : VISITS_SQL;
const t = Date.now();
const r = await c.query('EXPLAIN (ANALYZE, BUFFERS) ' + sql, ['990112', ['990102101'], [3], 2, '2025-12-02', '2026-12-01', '2026-10-01',
  ['REGISTERED_POOR','EXIT_PROPOSED','EXIT_NOTICE','EXIT_REVIEW','RETURNED_TO_POVERTY'], ...TEXTS]);
console.log(Date.now() - t, 'ms');
console.log(r.rows.map((x) => x['QUERY PLAN']).filter((l: string) => /actual time=\d+\.\d+\.\.(\d{3,})/.test(l) || /Insert|Execution/.test(l)).join('\n'));
await c.query('ROLLBACK');
await c.end();
