// npm run restore -- <backup folder> --database <new name> [--force]: rebuilds a backup (scripts/backup.ts)
// in a new database on the same server (DATABASE_URL's, or the embedded one): the backup's migrations, then
// every table, checked against the manifest's rows and digests before anything is committed.
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { reportLines, verifyAuditChain } from './audit-verify';
import {
  FORMAT,
  loadOrder,
  type Manifest,
  piiKeyFingerprint,
  progress,
  quote,
  setPortableSession,
  tableDigest,
} from './backup-tables';
import { runAsScript } from './cli';
import { deployMigrations } from './db/migrate';
import { ensureDatabase } from './embedded-db';
import { openMaintenanceServer, safeUrl } from './maintenance-db';

const MIGRATIONS = fileURLToPath(new URL('../prisma/migrations/', import.meta.url));

export class RestoreRefused extends Error {}

/** Does the database exist and hold any table? */
async function holdsData(adminUrl: string, url: string, name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]).finally(() => admin.end()))
    .rowCount;
  if (!exists) return false;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client
    .query(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                        WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')`)
    .finally(() => client.end());
  return rows[0].n > 0;
}

/**
 * Restores the backup in `dir` into database `name` (created; an existing one with tables only with `force`,
 * which drops it first). Returns the audit chain's check of the restored database.
 */
export async function restoreDatabase(
  dir: string,
  server: { urlFor(name: string): string },
  name: string,
  options: { force?: boolean; log?: (line: string) => void } = {},
) {
  const log = options.log ?? (() => {});
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== FORMAT)
    throw new Error(`${dir} is not a backup of this app (format ${String(manifest.format)})`);
  const url = server.urlFor(name);
  const adminUrl = server.urlFor('postgres');
  if (!options.force && (await holdsData(adminUrl, url, name)))
    throw new RestoreRefused(
      `database "${name}" exists and holds tables: choose a new name, or add --force to replace it`,
    );
  await ensureDatabase(adminUrl, name, options.force);

  // The schema exactly as it was backed up: the backup's own migrations.
  await deployMigrations(url, { migrations: path.join(dir, 'migrations') });
  log(`schema: ${manifest.migrations.length} migrations of the backup applied`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // All or nothing: one transaction loads, checks, and commits only if every table matches the manifest.
    await client.query('BEGIN');
    await setPortableSession(client);
    const names = manifest.tables.map((table) => table.name);
    const list = names.map(quote).join(', ');
    // The app's triggers (figure marks, the audit chain and its guard) stay off while rows come back as they were:
    // the rows carry their hashes already. Foreign keys stay on: tables load parents first.
    for (const table of names) await client.query(`ALTER TABLE ${quote(table)} DISABLE TRIGGER USER`);
    await client.query(`TRUNCATE ${list}`); // rows a migration may have inserted (the audit chain's head)
    for (const table of await loadOrder(client, names)) {
      const entry = manifest.tables.find((t) => t.name === table)!;
      const started = performance.now();
      const sql = `COPY ${quote(table)} (${entry.columns.map(quote).join(', ')}) FROM STDIN`;
      await pipeline(createReadStream(path.join(dir, entry.file)), createGunzip(), client.query(copyFrom(sql)));
      log(`${table}: ${entry.rows} rows (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
    for (const table of names) await client.query(`ALTER TABLE ${quote(table)} ENABLE TRIGGER USER`);

    // Sequences continue after the highest id restored.
    const { rows: serials } = await client.query<{ seq: string; table: string; column: string }>(
      `SELECT s.seq, c.relname AS table, a.attname AS column
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         CROSS JOIN LATERAL (SELECT pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS seq) s
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND s.seq IS NOT NULL`,
    );
    for (const { seq, table, column } of serials)
      await client.query(
        `SELECT setval($1, coalesce((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`,
        [seq],
      );

    log('checking every table against the backup…');
    const wrong: string[] = [];
    for (const entry of manifest.tables) {
      const got = await tableDigest(client, entry.name, entry.columns);
      if (got.rows !== entry.rows || got.digest !== entry.digest)
        wrong.push(
          `${entry.name} (${got.rows} rows of ${entry.rows}${got.digest !== entry.digest ? ', digest differs' : ''})`,
        );
    }
    if (wrong.length) throw new Error(`restored tables do not match the backup, nothing kept: ${wrong.join('; ')}`);
    await client.query('COMMIT');
    log(`checked: ${manifest.tables.length} tables, rows and digests as in the backup`);

    log('verifying the audit chain…');
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const chain = manifest.tables.some((table) => table.name === 'audit_chain_head')
      ? await verifyAuditChain(client)
      : null;
    await client.query('COMMIT');
    return { url, manifest, chain };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { database: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1 || !values.database) {
    console.error('Usage: npm run restore -- <backup folder> --database <new database name> [--force]');
    return 2;
  }
  const started = performance.now();
  const server = await openMaintenanceServer();
  try {
    const { url, manifest, chain } = await restoreDatabase(path.resolve(positionals[0]!), server, values.database, {
      force: values.force,
      log: (line) => progress(started, line),
    });
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    progress(
      started,
      `restore: ${manifest.tables.length} tables, ${rows} rows of ${manifest.createdAt} → ${safeUrl(url)}`,
    );
    if (chain) for (const line of reportLines(chain)) console.log(line);

    // A backup from an older version of the app: bring the schema up to this version, as `npm start` would.
    const newer = (await readdir(MIGRATIONS)).filter(
      (n) => /^\d/.test(n) && !manifest.migrations.some((m) => m.name === n),
    );
    if (newer.length)
      for (const applied of await deployMigrations(url))
        progress(started, `applied this version's migration ${applied}`);

    const fingerprint = piiKeyFingerprint();
    if (manifest.piiKeyFingerprint && fingerprint !== manifest.piiKeyFingerprint)
      console.warn(
        `WARNING: PII_KEY here is not the key of the backup (fingerprint ${manifest.piiKeyFingerprint}): run the app with the backup's key, or ID and phone numbers cannot be read.`,
      );
    console.log(
      `Start the app on it with DATABASE_URL=${safeUrl(url)} (or npm start -- --database ${values.database} on the embedded server).`,
    );
    return chain?.problems.length ? 1 : 0;
  } catch (error) {
    if (error instanceof RestoreRefused) {
      console.error(`restore: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await server.stop();
  }
}

runAsScript(import.meta.url, 'restore', main);
