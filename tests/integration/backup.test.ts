import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../../scripts/audit-verify';
import { backupDatabase } from '../../scripts/backup';
import { appTables, type Manifest, setPortableSession, tableDigest } from '../../scripts/backup-tables';
import { restoreDatabase } from '../../scripts/restore';

const source = inject('databaseUrl');
const server = { urlFor: (name: string) => Object.assign(new URL(source), { pathname: `/${name}` }).toString() };
const TARGET = 'bangfu_restore_test';
let dir: string;
let manifest: Manifest;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every table's rows and digest, read in one snapshot. */
const contents = (url: string) =>
  withClient(url, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await setPortableSession(client);
    const result: Record<string, { rows: number; digest: string }> = {};
    for (const { name, columns } of await appTables(client)) result[name] = await tableDigest(client, name, columns);
    await client.query('COMMIT');
    return result;
  });

beforeAll(async () => {
  await withClient(source, (client) =>
    client.query(`INSERT INTO audit_log (action, result, changes, message) VALUES
      ('test.backup', 'OK', '{"名字": "张三", "n": 1.5}', E'tab\\there'), ('test.backup', 'REFUSED', NULL, NULL)`),
  );
  dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'bangfu-backup-')), 'backup');
  manifest = await backupDatabase(source, dir);
}, 120_000);

afterAll(async () => {
  await withClient(server.urlFor('postgres'), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${TARGET} WITH (FORCE)`),
  );
  await rm(path.dirname(dir), { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores every table with the same rows and digests, and the audit chain still verifies', async () => {
    const lines: string[] = [];
    const restored = await restoreDatabase(dir, server, TARGET, { force: true, log: (line) => lines.push(line) });
    expect(lines).toContainEqual(expect.stringMatching(/^checked: \d+ tables, rows and digests as in the backup$/));

    const before = await contents(source);
    const after = await contents(restored.url);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after).toEqual(before); // nothing was written to the test database meanwhile
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before.household!.rows).toBeGreaterThan(0);
    for (const table of manifest.tables)
      expect(after[table.name], table.name).toEqual({ rows: table.rows, digest: table.digest });

    expect(restored.chain?.problems).toEqual([]);
    expect(restored.chain?.rows).toBe(before.audit_log!.rows);
    expect(before.audit_log!.rows).toBeGreaterThanOrEqual(2);
    // Sequences go on after the restored ids, and new audit rows extend the restored chain.
    await withClient(restored.url, async (client) => {
      const { rows } = await client.query(
        `INSERT INTO audit_log (action, result) VALUES ('test.after-restore', 'OK') RETURNING id::text`,
      );
      expect(BigInt(rows[0].id)).toBeGreaterThan(BigInt(manifest.auditChainHead?.lastId ?? 0));
      expect((await verifyAuditChain(client)).problems).toEqual([]);
    });
  }, 180_000);

  it('refuses to overwrite a database that holds tables unless forced', async () => {
    const before = await contents(server.urlFor(TARGET));
    await expect(restoreDatabase(dir, server, TARGET)).rejects.toThrow(/exists and holds tables/);
    expect(await contents(server.urlFor(TARGET))).toEqual(before);
  });

  it('a digest notices a changed value', async () => {
    const changed = await withClient(server.urlFor(TARGET), async (client) => {
      await client.query('BEGIN');
      await setPortableSession(client);
      await client.query(`UPDATE household SET version = version + 1 WHERE id = (SELECT min(id) FROM household)`);
      const { columns } = (await appTables(client)).find((table) => table.name === 'household')!;
      const digest = await tableDigest(client, 'household', columns);
      await client.query('ROLLBACK');
      return digest;
    });
    const table = manifest.tables.find((t) => t.name === 'household')!;
    expect(changed.rows).toBe(table.rows);
    expect(changed.digest).not.toBe(table.digest);
  });
});
