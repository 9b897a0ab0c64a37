// What backup and restore share: the archive's manifest, the app's tables, and each table's row digest.
// Backups are made without pg_dump (the embedded server is newer than Debian's client tools): COPY of every
// table in one snapshot, one gzip file per table, and a manifest (see scripts/backup.ts).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

export const FORMAT = 'bangfu-backup/1';

export type TableEntry = { name: string; columns: string[]; rows: number; digest: string; file: string; bytes: number };
export type Manifest = {
  format: typeof FORMAT;
  createdAt: string; // the snapshot's time
  database: string;
  serverVersion: string;
  migrations: { name: string; checksum: string }[];
  tables: TableEntry[];
  auditChainHead: { lastId: string; hash: string } | null;
  piiKeyFingerprint: string | null;
  seconds: number;
};

/** The same text for every value whatever the server's or session's defaults, so digests compare. */
export async function setPortableSession(client: pg.ClientBase): Promise<void> {
  await client.query(`SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';
                      SET extra_float_digits = 1; SET bytea_output = 'hex'; SET client_encoding = 'UTF8'`);
}

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The app's tables (the migrations' schema, without their bookkeeping) and their stored columns. */
export async function appTables(client: pg.ClientBase): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array(SELECT a.attname::text FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                   ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname`,
  );
  return rows;
}

/** Tables in an order where every table comes after the tables its foreign keys point to. */
export async function loadOrder(client: pg.ClientBase, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema() AND k.conrelid <> k.confrelid`,
  );
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: string) => {
    if (state.get(table) === 'done') return;
    if (state.get(table) === 'visiting') throw new Error(`foreign keys form a cycle through ${table}`);
    state.set(table, 'visiting');
    for (const { parent } of rows.filter((row) => row.child === table)) if (tables.includes(parent)) visit(parent);
    state.set(table, 'done');
    order.push(table);
  };
  tables.forEach(visit);
  return order;
}

const MASK = (1n << 256n) - 1n;

/**
 * Rows and a digest of a table's COPY text: the sum of every row's sha256 (mod 2^256), so it does not
 * depend on the order the server returns rows in (no sort, no collation). COPY's text format ends each
 * row with a newline and escapes newlines inside values.
 */
export class RowDigest extends Transform {
  rows = 0;
  private sum = 0n;
  private rest = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void) {
    const data = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(10, start); end !== -1; end = data.indexOf(10, start)) {
      this.rows++;
      this.sum =
        (this.sum + BigInt(`0x${createHash('sha256').update(data.subarray(start, end)).digest('hex')}`)) & MASK;
      start = end + 1;
    }
    this.rest = Buffer.from(data.subarray(start));
    done(null, chunk);
  }

  digest(): string {
    if (this.rest.length) throw new Error('COPY output ended inside a row');
    return this.sum.toString(16).padStart(64, '0');
  }
}

export const copyOutSql = (table: string, columns: string[]) =>
  `COPY ${quote(table)} (${columns.map(quote).join(', ')}) TO STDOUT`;

/** Rows and digest of a table as the client's transaction sees it. */
export async function tableDigest(
  client: pg.ClientBase,
  table: string,
  columns: string[],
): Promise<{ rows: number; digest: string }> {
  const digest = new RowDigest();
  await pipeline(client.query(copyTo(copyOutSql(table, columns))), digest, async function* (source) {
    for await (const _ of source); // drain
  });
  return { rows: digest.rows, digest: digest.digest() };
}

/** A short fingerprint of PII_KEY (never the key): restore can tell whether the key at hand is the one. */
export function piiKeyFingerprint(): string | null {
  const key =
    process.env.PII_KEY ?? (existsSync('.data/pii-key') ? readFileSync('.data/pii-key', 'utf8').trim() : null);
  return key ? createHash('sha256').update(`bangfu PII_KEY fingerprint\0${key}`).digest('hex').slice(0, 16) : null;
}

export function progress(started: number, text: string): void {
  console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${text}`);
}
