import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeAuditNow } from '@/lib/audit/data';
import { verifyAuditChain } from '../../scripts/audit-verify';

const pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 60 });
afterAll(() => pool.end());

/** Runs `work` in a transaction that is always rolled back: tampering never outlives the test. */
async function inRolledBack<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    return await work(client);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

async function verify() {
  const client = await pool.connect();
  try {
    return await verifyAuditChain(client);
  } finally {
    client.release();
  }
}

const actor = { userId: 1, username: 'chain', role: 'AUDITOR' as const };

beforeAll(async () => {
  // Text the hash must treat exactly like PostgreSQL's JSON: quotes, backslashes, control characters, Chinese, emoji.
  await writeAuditNow(actor, {
    action: 'test.chain',
    result: 'OK',
    entity: 'Test',
    regionCode: '990102',
    message: 'a "quoted" \\ back\tslash\nline \u0001\u001f 村民 😀 \u007f',
    changes: { 名字: '张三', nested: { list: [1, 2.5, -0, 1e21, true, null], text: 'x\ny"' }, empty: {} },
  });
  for (const result of ['OK', 'REFUSED', 'INVALID', 'ERROR'] as const)
    await writeAuditNow(null, { action: 'test.plain', result });
});

describe('audit chain', () => {
  it('verifies rows written by the app and the seed', async () => {
    const report = await verify();
    expect(report.problems).toEqual([]);
    expect(report.rows).toBeGreaterThanOrEqual(5);
    const { rows } = await pool.query('SELECT max(id)::text AS id FROM audit_log');
    expect(report.head?.lastId).toBe(rows[0].id);
  });

  it('names a row changed in maintenance mode', async () => {
    const problems = await inRolledBack(async (client) => {
      const { rows } = await client.query(`SELECT id::text FROM audit_log WHERE action = 'test.chain'`);
      await client.query(`SET LOCAL bangfu.audit_maintenance = 'on'`);
      await client.query(`UPDATE audit_log SET result = 'REFUSED' WHERE id = $1`, [rows[0].id]);
      return { id: rows[0].id, report: await verifyAuditChain(client) };
    });
    expect(problems.report.problems[0]).toEqual({ kind: 'changed', id: problems.id });
  });

  it('names a row deleted from the middle, though ids may skip', async () => {
    const result = await inRolledBack(async (client) => {
      const { rows } = await client.query(`SELECT id::text FROM audit_log ORDER BY audit_log.id LIMIT 3`);
      await client.query(`SET LOCAL bangfu.audit_maintenance = 'on'`);
      await client.query('DELETE FROM audit_log WHERE id = $1', [rows[1].id]);
      return { ids: rows.map((row) => row.id), report: await verifyAuditChain(client) };
    });
    expect(result.report.problems).toEqual([{ kind: 'missing', afterId: result.ids[0], beforeId: result.ids[2] }]);
  });

  it('names the newest row deleted', async () => {
    const result = await inRolledBack(async (client) => {
      const { rows } = await client.query(`SELECT id::text FROM audit_log ORDER BY audit_log.id DESC LIMIT 2`);
      await client.query(`SET LOCAL bangfu.audit_maintenance = 'on'`);
      await client.query('DELETE FROM audit_log WHERE id = $1', [rows[0].id]);
      return { ids: rows.map((row) => row.id), report: await verifyAuditChain(client) };
    });
    expect(result.report.problems).toEqual([{ kind: 'missingNewest', afterId: result.ids[1], headId: result.ids[0] }]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE without maintenance, even for the owner', async () => {
    for (const sql of [
      `UPDATE audit_log SET message = 'x' WHERE id = (SELECT max(id) FROM audit_log)`,
      'DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)',
      'TRUNCATE audit_log',
      `UPDATE audit_chain_head SET hash = repeat('0', 64)`,
    ]) {
      await expect(
        inRolledBack((client) => client.query(sql)),
        sql,
      ).rejects.toThrow(/append-only/);
    }
    expect((await verify()).problems).toEqual([]);
  });

  it('keeps one chain under 50 concurrent audited writes, rolled-back ones leaving no gap in it', async () => {
    const before = (await verify()).rows;
    const rollsBack = (i: number) => i % 2 === 1 && i % 5 === 0;
    const writes = Array.from({ length: 50 }, async (_, i) => {
      if (i % 2 === 0) return writeAuditNow(actor, { action: 'test.concurrent', result: 'OK', message: `app ${i}` });
      // Transactions on their own connections hold the chain's lock until they end; some roll back.
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`INSERT INTO audit_log (action, result, message) VALUES ('test.concurrent', 'OK', $1)`, [
          `raw ${i}`,
        ]);
        await client.query(rollsBack(i) ? 'ROLLBACK' : 'COMMIT');
      } finally {
        client.release();
      }
    });
    await Promise.all(writes);
    const report = await verify();
    expect(report.problems).toEqual([]);
    expect(report.rows).toBe(before + 50 - Array.from({ length: 50 }, (_, i) => i).filter(rollsBack).length);
  });
});

describe('audit chain migration', () => {
  it('chains the rows written before it, in id order', async () => {
    const { cp, mkdtemp, readdir, rm } = await import('node:fs/promises');
    const path = await import('node:path');
    const os = await import('node:os');
    const { deployMigrations } = await import('../../scripts/db/migrate');
    const { ensureDatabase } = await import('../../scripts/embedded-db');
    const admin = Object.assign(new URL(inject('databaseUrl')), { pathname: '/postgres' }).toString();
    const url = Object.assign(new URL(inject('databaseUrl')), { pathname: '/bangfu_chain_migration' }).toString();
    const before = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    await ensureDatabase(admin, 'bangfu_chain_migration', true);
    const scratch = new pg.Client({ connectionString: url });
    try {
      // The migrations up to the chain, some audit rows (one rolled back: a gap in the ids), then the chain.
      await cp('prisma/migrations/migration_lock.toml', path.join(before, 'migration_lock.toml'));
      for (const name of (await readdir('prisma/migrations')).filter(
        (name) => name < '20261204211300_audit_chain' && /^\d/.test(name),
      ))
        await cp(path.join('prisma/migrations', name), path.join(before, name), { recursive: true });
      await deployMigrations(url, { migrations: before });
      await scratch.connect();
      await scratch.query(
        `INSERT INTO audit_log (action, result, changes) VALUES ('old.one', 'OK', '{"b": 1, "a": "x"}'), ('old.two', 'REFUSED', NULL)`,
      );
      await scratch.query('BEGIN');
      await scratch.query(`INSERT INTO audit_log (action, result) VALUES ('old.lost', 'OK')`);
      await scratch.query('ROLLBACK');
      await scratch.query(`INSERT INTO audit_log (action, result, message) VALUES ('old.three', 'ERROR', 'boom')`);
      await deployMigrations(url);
      // One statement of many rows: they chain to each other, the head moves to the last.
      await scratch.query(
        `INSERT INTO audit_log (action, result) VALUES ('new.one', 'OK'), ('new.two', 'OK'), ('new.three', 'OK')`,
      );
      const report = await verifyAuditChain(scratch);
      expect(report.problems).toEqual([]);
      expect(report.rows).toBe(6);
      const { rows } = await scratch.query(`SELECT action, id::text, prev_hash FROM audit_log ORDER BY audit_log.id`);
      expect(rows.map((row) => row.action)).toEqual([
        'old.one',
        'old.two',
        'old.three',
        'new.one',
        'new.two',
        'new.three',
      ]);
      expect(rows[0].prev_hash).toBe('0'.repeat(64));
    } finally {
      await scratch.end().catch(() => {});
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query('DROP DATABASE IF EXISTS bangfu_chain_migration WITH (FORCE)');
      await client.end();
      await rm(before, { recursive: true, force: true });
    }
  });
});
