// Seeds a year of work records (lib/teams dutyOverview) for the demo and city profiles: technicians' guidance
// sessions and days in households around the yearly numbers (seed 001), induction training for most leaders,
// deputies and first secretaries and the city leaders' course for some (seed 000), and county units' cadres in
// villages on Tuesdays (seed 002). Deterministic (hashes of ids and days), idempotent per county.
import pg from 'pg';
import { chinaToday, dateOfDayNumber, dayNumber } from '../../lib/time';
import type { RegionRow } from './regions';
import type { Profile } from './run';

/** Hash-based chance in SQL: `key` in [0, 1). */
const chance = (key: string) => `((hashtext(${key}) & 65535) / 65536.0)`;

export async function seedActivities(
  databaseUrl: string,
  profile: Profile,
  regions: readonly RegionRow[],
  log: (line: string) => void,
): Promise<void> {
  if (profile === 'test') return; // the tests build their own records
  const counties = regions.filter((r) => r.level === 'COUNTY').map((r) => r.code);
  const today = chinaToday();
  const yesterday = dateOfDayNumber(dayNumber(today) - 1);
  const jan1 = `${today.slice(0, 4)}-01-01`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const county of counties) {
      const started = Date.now();
      if (
        (await client.query('SELECT 1 FROM cadre_activity WHERE village_code LIKE $1 LIMIT 1', [`${county}%`])).rowCount
      ) {
        log(`activities: ${county} already there, skipped`);
        continue;
      }
      await client.query('BEGIN');
      const params = [county, jan1, yesterday];
      const office = `(SELECT id FROM app_user WHERE scope_code = $1 ORDER BY id LIMIT 1)`;
      // Sessions (60 a year) and days in households (90), each technician at 60-125 % of the pace.
      for (const [kind, perYear] of [
        ['GUIDANCE_SESSION', 60],
        ['FARM_DAY', 90],
      ] as const) {
        await client.query(
          `INSERT INTO cadre_activity (cadre_id, kind, day, village_code, created_by_id)
           SELECT p.cadre_id, '${kind}', d::date, p.village_code, ${office}
             FROM posting p
            CROSS JOIN LATERAL generate_series(greatest(p.start_date, $2::date), least(coalesce(p.ended_on, p.planned_end_date), $3::date), '1 day') d
            WHERE p.role = 'TECHNICIAN' AND p.village_code LIKE $1 || '%' AND extract(isodow FROM d) < 6
              AND ${chance(`p.id || ':${kind}:' || d::date`)} < ${perYear / 261} * (0.6 + 0.65 * ${chance(`p.id || ':${kind}'`)})`,
          params,
        );
      }
      // Induction training (5 days) for 85 % of leaders, deputies and first secretaries; the city course for 20 %.
      await client.query(
        `INSERT INTO cadre_activity (cadre_id, kind, day, days, village_code, created_by_id)
         SELECT p.cadre_id, k.kind::"ActivityKind", least(p.start_date + k.after, $2::date), k.days, p.village_code, ${office}
           FROM posting p
           CROSS JOIN (VALUES ('INDUCTION_TRAINING', 10, 5, 0.85), ('CITY_TRAINING', 60, 3, 0.2)) AS k(kind, after, days, share)
          WHERE p.ended_on IS NULL AND p.village_code LIKE $1 || '%'
            AND (p.role IN ('LEADER', 'DEPUTY_LEADER', 'FIRST_SECRETARY') OR p.also_first_secretary)
            AND (k.kind = 'INDUCTION_TRAINING' OR p.role = 'LEADER')
            AND ${chance(`p.id || ':' || k.kind`)} < k.share`,
        [county, yesterday],
      );
      // Tuesday work days: 40 % of the county units' pairing cadres, in the village of a household they help, on
      // about a third of this year's Tuesdays.
      await client.query(
        `INSERT INTO cadre_activity (cadre_id, kind, day, village_code, created_by_id)
         SELECT c.id, 'WORK_DAY', d::date, v.region_code, ${office}
           FROM cadre c
           JOIN unit u ON u.id = c.unit_id AND u.level = 'COUNTY'
           JOIN LATERAL (SELECT region_code FROM pairing WHERE cadre_id = c.id AND ended_on IS NULL ORDER BY id LIMIT 1) v ON true
          CROSS JOIN LATERAL generate_series($2::date, $3::date, '1 day') d
          WHERE c.region_code LIKE $1 || '%' AND c.active AND extract(isodow FROM d) = 2
            AND ${chance(`c.id || ':workday'`)} < 0.4 AND ${chance(`c.id || ':' || d::date`)} < 0.35`,
        params,
      );
      await client.query('COMMIT');
      const { rows } = await client.query<{ kind: string; n: number }>(
        'SELECT kind, count(*)::int AS n FROM cadre_activity WHERE village_code LIKE $1 GROUP BY kind ORDER BY kind',
        [`${county}%`],
      );
      log(
        `activities ${county}: ${rows.map((r) => `${r.kind} ${r.n}`).join(', ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
