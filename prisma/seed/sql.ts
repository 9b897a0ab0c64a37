// Small SQL helpers the bulk seeders share.
import type pg from 'pg';

/** `n` fresh ids from a table's serial sequence, ascending: rows can then be written with known ids. */
export async function nextIds(client: pg.ClientBase, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await client.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence($1, 'id'))::int AS id FROM generate_series(1, $2::int)`,
    [table, n],
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}
