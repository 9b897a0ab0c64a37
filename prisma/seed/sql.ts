// Small SQL helpers the bulk seeders share.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** `n` fresh ids from a table's serial sequence, ascending: rows can then be written with known ids. */
export async function nextIds(client: pg.ClientBase, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await client.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence($1, 'id'))::int AS id FROM generate_series(1, $2::int)`,
    [table, n],
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export type CopyValue = string | number | boolean | null;

const SPECIAL = /[\\\t\n\r]/;
const escapeChar = (c: string) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r');

/** One value in COPY's text format: \N for null, t/f, and backslash, tab and line breaks escaped. */
function copyValue(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, escapeChar) : text;
}

/** The rows of one table for COPY ... FROM STDIN, built up in memory (a batch of whole villages). */
export class CopyRows {
  private chunks: string[] = [];
  count = 0;
  constructor(readonly target: string) {}
  add(...values: CopyValue[]): void {
    let line = copyValue(values[0]);
    for (let i = 1; i < values.length; i++) line += `\t${copyValue(values[i])}`;
    this.chunks.push(`${line}\n`);
    this.count++;
  }
  /** The rows as COPY's text format reads them. */
  text(): string {
    return this.chunks.join('');
  }
  /** Streams the rows into the table (`target` is "table (columns)"); nothing is sent for none. */
  async copy(client: pg.ClientBase): Promise<void> {
    if (this.count === 0) return;
    await pipeline(Readable.from([this.text()]), client.query(copyFrom(`COPY ${this.target} FROM STDIN`)));
  }
}
