// The two-notices migration maps the old in-between statuses to the new machine (20261205025737): applied to a
// database built from the migrations before it, holding households in every old state.
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MIGRATION = '20261205025737_registry_two_notices';
const folders = readdirSync('prisma/migrations', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const before = folders.filter((name) => name < MIGRATION);

let client: pg.Client;
let admin: pg.Client;
const name = `bangfu_mig_${process.pid}`;

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL!);
  admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name} LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
  url.pathname = `/${name}`;
  client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  for (const folder of before) await client.query(readFileSync(`prisma/migrations/${folder}/migration.sql`, 'utf8'));
}, 120_000);

afterAll(async () => {
  await client?.end();
  await admin?.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin?.end();
});

describe('the two-notices migration', () => {
  it('maps each old in-between status, dates a waiting review from its notice, and clears default-true guarantees', async () => {
    await client.query(`
      INSERT INTO region (code, level, name, parent_code) VALUES ('99', 'PROVINCE', '省', NULL), ('9901', 'CITY', '市', '99'),
        ('990102', 'COUNTY', '县', '9901'), ('990102101', 'TOWNSHIP', '乡', '990102'), ('990102101201', 'VILLAGE', '村', '990102101');
      INSERT INTO household (region_code, group_name, head_name, head_initials, status, status_since, food_secure, water_secure) VALUES
        ('990102101201', '1组', '申请户', 's', 'PROPOSED', '2026-11-30T02:00:00Z', true, false),
        ('990102101201', '1组', '公示户', 'g', 'VILLAGE_NOTICE', '2026-11-29T02:00:00Z', true, true),
        ('990102101201', '1组', '待审户', 'd', 'TOWNSHIP_REVIEW', '2026-11-20T02:00:00Z', true, true),
        ('990102101201', '1组', '拟退户', 'n', 'EXIT_PROPOSED', '2026-11-30T02:00:00Z', true, true),
        ('990102101201', '1组', '退审户', 't', 'EXIT_REVIEW', '2026-11-21T02:00:00Z', true, true),
        ('990102101201', '1组', '贫困户', 'p', 'REGISTERED_POOR', '2020-01-01T02:00:00Z', true, true);
      INSERT INTO status_event (household_id, region_code, from_status, to_status, at)
        SELECT id, region_code, 'PROPOSED', 'VILLAGE_NOTICE', '2026-11-10T02:00:00Z' FROM household WHERE head_name = '待审户';
      INSERT INTO status_event (household_id, region_code, from_status, to_status, at)
        SELECT id, region_code, 'VILLAGE_NOTICE', 'TOWNSHIP_REVIEW', '2026-11-20T02:00:00Z' FROM household WHERE head_name = '待审户';
      INSERT INTO status_event (household_id, region_code, from_status, to_status, at)
        SELECT id, region_code, 'EXIT_PROPOSED', 'EXIT_NOTICE', '2026-11-11T02:00:00Z' FROM household WHERE head_name = '退审户';`);
    await client.query(readFileSync(`prisma/migrations/${MIGRATION}/migration.sql`, 'utf8'));
    const { rows } = await client.query(
      `SELECT head_name, status::text, status_since, food_secure, water_secure, version FROM household ORDER BY id`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.head_name, r]));
    expect(by.申请户).toMatchObject({ status: 'APPLIED', food_secure: null, water_secure: false, version: 1 });
    expect(by.公示户).toMatchObject({ status: 'FIRST_NOTICE', version: 1 });
    expect(by.待审户).toMatchObject({ status: 'FIRST_NOTICE', version: 2 });
    expect(by.待审户.status_since.toISOString()).toBe('2026-11-10T02:00:00.000Z'); // from its notice's posting
    expect(by.拟退户).toMatchObject({ status: 'EXIT_APPRAISED' });
    expect(by.退审户).toMatchObject({ status: 'EXIT_NOTICE', version: 2 });
    expect(by.退审户.status_since.toISOString()).toBe('2026-11-11T02:00:00.000Z');
    expect(by.贫困户).toMatchObject({ status: 'REGISTERED_POOR', food_secure: null });
    // History keeps its meaning under the new names.
    const events = await client.query(`SELECT to_status::text FROM status_event ORDER BY id`);
    expect(events.rows.map((r) => r.to_status)).toEqual(['FIRST_NOTICE', 'TOWNSHIP_REVIEWED', 'EXIT_NOTICE']);
  });
});
