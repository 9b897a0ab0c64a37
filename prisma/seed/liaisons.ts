// Gives every household no responsible cadre helps a liaison cadre (联户干部, seed 000's 两个全覆盖 of all households):
// a member of the village's team where there is one, else a cadre kept by its township, else one of the county.
// The demo and city profiles leave about 1.5 % without one, so the dashboard's figure has something to show.
import pg from 'pg';
import { HELPED_STATUSES } from '../../lib/households/rules';
import { chinaToday } from '../../lib/time';
import type { RegionRow } from './regions';
import type { Profile } from './run';

export async function seedHouseholdLiaisons(
  databaseUrl: string,
  profile: Profile,
  regions: readonly RegionRow[],
  log: (line: string) => void,
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const county of regions.filter((r) => r.level === 'COUNTY').map((r) => r.code)) {
      const started = Date.now();
      const { rowCount } = await client.query(
        `WITH villages AS (
           SELECT village_code, array_agg(cadre_id ORDER BY id) AS ids FROM posting
            WHERE ended_on IS NULL AND village_code LIKE $1 || '%' GROUP BY 1
         ), townships AS (
           SELECT region_code, array_agg(id ORDER BY id) AS ids FROM cadre
            WHERE active AND length(region_code) = 9 AND region_code LIKE $1 || '%' GROUP BY 1
         ), county AS (
           SELECT array_agg(id ORDER BY id) AS ids FROM cadre WHERE active AND region_code LIKE $1 || '%'
         )
         INSERT INTO household_liaison (household_id, cadre_id, region_code, started_on)
         SELECT h.id,
                coalesce(v.ids[1 + abs(hashtext(h.id::text)) % cardinality(v.ids)],
                         t.ids[1 + abs(hashtext(h.id::text)) % cardinality(t.ids)],
                         c.ids[1 + abs(hashtext(h.id::text)) % cardinality(c.ids)]),
                h.region_code, $3::date
           FROM household h
           CROSS JOIN county c
           LEFT JOIN villages v ON v.village_code = h.region_code
           LEFT JOIN townships t ON t.region_code = left(h.region_code, 9)
          WHERE h.region_code LIKE $1 || '%' AND NOT h.status::text = ANY($2) AND h.status <> 'REMOVED'
            AND c.ids IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM household_liaison l WHERE l.household_id = h.id AND l.ended_on IS NULL)
            AND ($4::boolean OR (hashtext(h.id::text || ':liaison') & 1023) >= 15)`,
        [county, [...HELPED_STATUSES], `${chinaToday().slice(0, 4)}-01-05`, profile === 'test'],
      );
      log(`liaison cadres ${county}: ${rowCount} households (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await client.end();
  }
}
