import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { checkDrift } from '../../scripts/db/migrate';

describe('migrations', () => {
  it('build exactly the schema in prisma/schema.prisma', async () => {
    expect(await checkDrift(process.env.DATABASE_URL!)).toBeNull();
  }, 120_000);

  it('are recorded in _prisma_migrations as Prisma records them', async () => {
    const folders = readdirSync('prisma/migrations', { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const rows = await db.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null }[]>`
      SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((row) => row.migration_name)).toEqual(folders);
    const { createHash } = await import('node:crypto');
    for (const row of rows) {
      const sql = readFileSync(`prisma/migrations/${row.migration_name}/migration.sql`);
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it('enforce the invariants the schema cannot express', async () => {
    await expect(
      db.$executeRaw`INSERT INTO region (code, level, name, parent_code) VALUES ('99010', 'COUNTY', '坏代码', '9901')`,
    ).rejects.toThrow(/region_code_shape/);
    await expect(
      db.$executeRaw`INSERT INTO region (code, level, name, parent_code) VALUES ('990104', 'COUNTY', '错父级', '9902')`,
    ).rejects.toThrow(/region_parent_is_prefix/);
  });
});
