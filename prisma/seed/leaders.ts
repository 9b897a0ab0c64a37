// Marks the demo and city counties' county-level leaders (seed 002: 书记、区长各包抓3个贫困村、联系9户贫困户，其他区级
// 领导每人至少包抓1个贫困村): the two first county-rank cadres are the principals, up to twelve more the other leaders,
// and they take poor villages in turn, a few short on purpose (one principal with 2, every fourth other leader none).
import pg from 'pg';
import { chinaToday } from '../../lib/time';
import type { RegionRow } from './regions';
import type { Profile } from './run';

export async function seedLeaders(
  databaseUrl: string,
  profile: Profile,
  regions: readonly RegionRow[],
  log: (line: string) => void,
): Promise<void> {
  if (profile === 'test') return; // the tests build their own leaders
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const county of regions.filter((r) => r.level === 'COUNTY').map((r) => r.code)) {
      const marked = await client.query(
        'SELECT 1 FROM cadre WHERE region_code LIKE $1 AND leader_role IS NOT NULL LIMIT 1',
        [`${county}%`],
      );
      if (marked.rowCount) continue;
      const leaders = (
        await client.query<{ id: number }>(
          `SELECT id FROM cadre WHERE region_code LIKE $1 AND active AND rank IN ('COUNTY_CHIEF', 'COUNTY_DEPUTY')
            ORDER BY rank, id LIMIT 14`,
          [`${county}%`],
        )
      ).rows.map((r) => r.id);
      const villages = (
        await client.query<{ code: string }>(
          `SELECT code FROM region WHERE level = 'VILLAGE' AND is_poor_village AND code LIKE $1 ORDER BY code`,
          [`${county}%`],
        )
      ).rows.map((r) => r.code);
      if (leaders.length === 0 || villages.length === 0) continue;
      const takes: [number, string][] = [];
      let next = 0;
      const take = (cadreId: number, n: number) => {
        for (let i = 0; i < n; i++) takes.push([cadreId, villages[next++ % villages.length]]);
      };
      leaders.forEach((id, i) => {
        if (i === 0) take(id, 3);
        else if (i === 1) take(id, 2);
        else take(id, i % 4 === 0 ? 0 : 1 + (i % 3 === 0 ? 1 : 0));
      });
      await client.query('BEGIN');
      await client.query(
        `UPDATE cadre SET leader_role = (CASE WHEN id = ANY($2::int[]) THEN 'PRINCIPAL' ELSE 'OTHER' END)::"LeaderRole"
          WHERE id = ANY($1::int[])`,
        [leaders, leaders.slice(0, 2)],
      );
      await client.query(
        `INSERT INTO leader_village (cadre_id, village_code, since)
         SELECT * FROM unnest($1::int[], $2::text[], $3::date[]) ON CONFLICT DO NOTHING`,
        [takes.map((t) => t[0]), takes.map((t) => t[1]), takes.map(() => `${chinaToday().slice(0, 4)}-01-05`)],
      );
      await client.query('COMMIT');
      log(`leaders ${county}: ${leaders.length} county leaders, ${takes.length} villages taken`);
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
