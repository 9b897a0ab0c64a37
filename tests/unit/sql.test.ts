// The typed-SQL builder (lib/sql.ts): values become numbered parameters, fragments nest, text never splices input.
import { describe, expect, it } from 'vitest';
import { emptySql, joinSql, rawSql, sql } from '@/lib/sql';

describe('sql``', () => {
  it('numbers parameters across nested fragments and keeps values out of the text', () => {
    const area = "99'; DROP TABLE household; --";
    const filter = sql`AND status = ${'POOR'}`;
    const query = sql<{ n: number }>`SELECT count(*) AS n FROM household WHERE region_code LIKE ${area} ${filter}`;
    expect(query.text).toBe('SELECT count(*) AS n FROM household WHERE region_code LIKE $1 AND status = $2');
    expect(query.values).toEqual([area, 'POOR']);
  });

  it('joins lists and splices fixed text and empty fragments', () => {
    const query = sql`SELECT * FROM ${rawSql('region')} WHERE code IN (${joinSql(['1', '2'])}) ${emptySql}`;
    expect(query.text.trim()).toBe('SELECT * FROM region WHERE code IN ($1, $2)');
    expect(query.values).toEqual(['1', '2']);
  });
});
