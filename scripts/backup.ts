// npm run backup [-- --database bangfu] [--out <folder>]: the database as of one moment, into a new folder:
// manifest.json (migrations, per-table rows and digests, time), tables/<table>.copy.gz (COPY text), and the
// migrations' SQL, so `npm run restore` can rebuild the same schema. Uses DATABASE_URL or the embedded server.
// No pg_dump: Debian's client tools (15) refuse the embedded server (18), and the npm package ships none.
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  appTables,
  copyOutSql,
  FORMAT,
  type Manifest,
  piiKeyFingerprint,
  progress,
  RowDigest,
  setPortableSession,
  type TableEntry,
} from './backup-tables';
import { runAsScript } from './cli';
import { openMaintenanceDatabase, safeUrl } from './maintenance-db';

const MIGRATIONS = fileURLToPath(new URL('../prisma/migrations/', import.meta.url));

/** Writes a backup of the database at `url` into `out` (a new folder); returns its manifest. */
export async function backupDatabase(
  url: string,
  out: string,
  log: (line: string) => void = () => {},
): Promise<Manifest> {
  if (existsSync(out)) throw new Error(`${out} exists already: a backup goes into a new folder`);
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await writeBackup(client, out, started, log);
  } catch (error) {
    await rm(out, { recursive: true, force: true }); // no half backup left to be mistaken for one
    throw error;
  } finally {
    await client.end();
  }
}

async function writeBackup(
  client: pg.Client,
  out: string,
  started: number,
  log: (line: string) => void,
): Promise<Manifest> {
  // One snapshot for every table: the backup is the database as of one moment, writers carry on meanwhile.
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  await setPortableSession(client);
  const {
    rows: [info],
  } = await client.query<{ at: Date; version: string; database: string }>(
    "SELECT now() AS at, current_setting('server_version') AS version, current_database() AS database",
  );
  const migrations = (
    await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    )
  ).rows;
  await mkdir(path.join(out, 'tables'), { recursive: true });
  await copyMigrations(migrations, path.join(out, 'migrations'));

  const tables: TableEntry[] = [];
  for (const { name, columns } of await appTables(client)) {
    const tableStarted = performance.now();
    const file = `tables/${name}.copy.gz`;
    const digest = new RowDigest();
    await pipeline(
      client.query(copyTo(copyOutSql(name, columns))),
      digest,
      createGzip(),
      createWriteStream(path.join(out, file)),
    );
    const bytes = (await stat(path.join(out, file))).size;
    tables.push({ name, columns, rows: digest.rows, digest: digest.digest(), file, bytes });
    log(
      `${name}: ${digest.rows} rows, ${(bytes / 1024).toFixed(0)} KB (${((performance.now() - tableStarted) / 1000).toFixed(1)} s)`,
    );
  }
  const head = tables.some((table) => table.name === 'audit_chain_head')
    ? ((
        await client.query<{ lastId: string; hash: string }>(
          'SELECT last_id::text AS "lastId", hash FROM audit_chain_head WHERE id = 1',
        )
      ).rows[0] ?? null)
    : null;
  await client.query('COMMIT');

  const manifest: Manifest = {
    format: FORMAT,
    createdAt: info!.at.toISOString(),
    database: info!.database,
    serverVersion: info!.version,
    migrations,
    tables,
    auditChainHead: head,
    piiKeyFingerprint: piiKeyFingerprint(),
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  };
  await writeFile(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The applied migrations' SQL, checked against the checksums the database recorded when applying them. */
async function copyMigrations(migrations: { name: string; checksum: string }[], to: string) {
  for (const { name, checksum } of migrations) {
    const file = path.join(MIGRATIONS, name, 'migration.sql');
    const sql = await readFile(file).catch(() => null);
    if (!sql)
      throw new Error(
        `migration ${name} is applied to the database but not in prisma/migrations: back up with the app version that applied it`,
      );
    if (createHash('sha256').update(sql).digest('hex') !== checksum)
      throw new Error(`prisma/migrations/${name} differs from the migration applied to the database`);
    await mkdir(path.join(to, name), { recursive: true });
    await writeFile(path.join(to, name, 'migration.sql'), sql);
  }
  await copyFile(path.join(MIGRATIONS, 'migration_lock.toml'), path.join(to, 'migration_lock.toml'));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { database: { type: 'string', default: 'bangfu' }, out: { type: 'string' } },
  });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z'); // 20261204T211500Z
  const out = path.resolve(values.out ?? path.join('.data/backups', `${values.database}-${stamp}`));
  const started = performance.now();
  const database = await openMaintenanceDatabase(values.database);
  try {
    progress(started, `backing up ${safeUrl(database.url)} into ${out}`);
    const manifest = await backupDatabase(database.url, out, (line) => progress(started, line));
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    const bytes = manifest.tables.reduce((sum, table) => sum + table.bytes, 0);
    progress(
      started,
      `backup: ${manifest.tables.length} tables, ${rows} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${manifest.seconds} s → ${out}`,
    );
    console.warn(
      `WARNING: keep PII_KEY with this backup (stored safely and separately; it is not in the archive${manifest.piiKeyFingerprint ? `, fingerprint ${manifest.piiKeyFingerprint}` : ''}). ` +
        'Without it the ID and phone numbers in the backup cannot be read after a restore.',
    );
    return 0;
  } finally {
    await database.stop();
  }
}

runAsScript(import.meta.url, 'backup', main);
