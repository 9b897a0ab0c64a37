// The roster's raw SQL: the lookup of registered ID numbers and the bulk INSERTs of an import, each a
// function returning its Query, run with rows()/execute() of lib/db.ts.
import { sql } from '@/lib/sql';

export type RegisteredRow = { h: string; id: number; region: string };
/** People registered under these keyed hashes of ID numbers, in any area. */
export const registeredPeople = (hashes: string[]) =>
  sql<RegisteredRow>`SELECT id_number_hash AS h, id, region_code AS region FROM person WHERE id_number_hash = ANY(${hashes}::text[])`;

/** Imports run one at a time (until the transaction ends): two files cannot register a person twice. */
export const lockRosterImport = () => sql`SELECT pg_advisory_xact_lock(hashtext('roster.import'))`;

export type IdRow = { id: number };
/** `count` household ids taken from the sequence, so members can point at them before they are inserted. */
export const nextHouseholdIds = (count: number) =>
  sql<IdRow>`SELECT nextval(pg_get_serial_sequence('household', 'id'))::int AS id FROM generate_series(1, ${count}::int)`;

/** A batch of households as column arrays (one element per household), each in its status since `now`. */
export type HouseholdColumns = {
  id: number[];
  status: string[];
  identifiedYear: (number | null)[];
  exitYear: (number | null)[];
  region: string[];
  group: string[];
  headName: string[];
  initials: string[];
  causes: string[];
  allowance: string[];
  members: number[];
  phone: (string | null)[];
  /** 两不愁三保障: null where the file left it blank (not verified). */
  foodSecure: (boolean | null)[];
  clothingSecure: (boolean | null)[];
  educationSecure: (boolean | null)[];
  medicalSecure: (boolean | null)[];
  housingSecure: (boolean | null)[];
  waterSecure: (boolean | null)[];
};

export const insertHouseholds = (h: HouseholdColumns, now: Date) => sql`
    INSERT INTO household (id, region_code, group_name, head_name, head_initials, status, status_since, identified_year, exit_year,
                           poverty_causes, allowance, member_count, phone_enc, food_secure, clothing_secure, education_secure,
                           medical_secure, housing_secure, water_secure, created_at, updated_at)
    SELECT t.id, t.region, t.grp, t.head, t.initials, t.status::"HouseholdStatus", ${now}::timestamptz, t.identified, t.exited,
           string_to_array(t.causes, ',')::"PovertyCause"[], t.allowance::"AllowanceType", t.members, t.phone, t.food, t.clothing,
           t.education, t.medical, t.housing, t.water, ${now}::timestamptz, ${now}::timestamptz
      FROM unnest(${h.id}::int[], ${h.region}::text[], ${h.group}::text[], ${h.headName}::text[], ${h.initials}::text[],
                  ${h.status}::text[], ${h.identifiedYear}::int[], ${h.exitYear}::int[], ${h.causes}::text[],
                  ${h.allowance}::text[], ${h.members}::int[], ${h.phone}::text[], ${h.foodSecure}::bool[], ${h.clothingSecure}::bool[],
                  ${h.educationSecure}::bool[], ${h.medicalSecure}::bool[], ${h.housingSecure}::bool[], ${h.waterSecure}::bool[])
        AS t(id, region, grp, head, initials, status, identified, exited, causes, allowance, members, phone, food, clothing,
             education, medical, housing, water)`;

/** A batch of yearly incomes as column arrays (one element per household and year). */
export type IncomeColumns = {
  household: number[];
  year: number[];
  wage: number[];
  production: number[];
  property: number[];
  transfer: number[];
};

export const insertIncomes = (i: IncomeColumns) => sql`
    INSERT INTO household_income (household_id, year, wage_yuan, production_yuan, property_yuan, transfer_yuan)
    SELECT * FROM unnest(${i.household}::int[], ${i.year}::int[], ${i.wage}::int[], ${i.production}::int[],
                         ${i.property}::int[], ${i.transfer}::int[])`;

/** A batch of people as column arrays (one element per person). */
export type PersonColumns = {
  household: number[];
  region: string[];
  name: string[];
  relation: string[];
  isHead: boolean[];
  idEnc: string[];
  idHash: string[];
  last4: string[];
  sex: string[];
  birth: string[];
  phone: (string | null)[];
  health: string[];
  labour: string[];
  inSchool: boolean[];
};

export const insertPeople = (p: PersonColumns) => sql`
    INSERT INTO person (household_id, region_code, name, relation, is_head, id_number_enc, id_number_hash, id_last4, sex, birth_date,
                        phone_enc, health, labour, in_school)
    SELECT t.household, t.region, t.name, t.relation::"Relation", t.is_head, t.enc, t.hash, t.last4, t.sex::"Sex", t.birth::date,
           t.phone, t.health::"HealthStatus", t.labour::"LabourAbility", t.in_school
      FROM unnest(${p.household}::int[], ${p.region}::text[], ${p.name}::text[], ${p.relation}::text[], ${p.isHead}::bool[],
                  ${p.idEnc}::text[], ${p.idHash}::text[], ${p.last4}::text[], ${p.sex}::text[], ${p.birth}::text[],
                  ${p.phone}::text[], ${p.health}::text[], ${p.labour}::text[], ${p.inSchool}::bool[])
        AS t(household, region, name, relation, is_head, enc, hash, last4, sex, birth, phone, health, labour, in_school)`;

/** The status event "导入" (imported) of each household of a batch: to the status the file gave. */
export const insertImportEvents = (
  households: { id: number[]; region: string[]; status: string[] },
  user: { id: number; name: string },
  now: Date,
) => sql`
    INSERT INTO status_event (household_id, region_code, to_status, at, user_id, user_name, note)
    SELECT t.id, t.region, t.status::"HouseholdStatus", ${now}::timestamptz, ${user.id}::int, ${user.name}::text, '导入'::text
      FROM unnest(${households.id}::int[], ${households.region}::text[], ${households.status}::text[]) AS t(id, region, status)`;

/** This year's help plans of a batch (one element per household with a plan) and their measures (one per measure). */
export type PlanColumns = {
  household: number[];
  region: string[];
  incomeTarget: number[];
  measureHousehold: number[];
  kind: string[];
  target: string[];
  amount: (number | null)[];
  status: string[];
};

/** The plans have no cadre yet: a household's first pairing names it (lib/pairings). */
export const insertPlans = (p: PlanColumns, year: number, now: Date) => sql`
    WITH plan AS (
      INSERT INTO help_plan (household_id, region_code, year, income_target_yuan, version, updated_at)
      SELECT t.household, t.region, ${year}::int, t.target, 1, ${now}::timestamptz
        FROM unnest(${p.household}::int[], ${p.region}::text[], ${p.incomeTarget}::int[]) AS t(household, region, target)
      RETURNING id, household_id)
    INSERT INTO help_measure (plan_id, kind, target, amount_yuan, status)
    SELECT plan.id, m.kind::"MeasureKind", m.target, m.amount, m.status::"MeasureStatus"
      FROM unnest(${p.measureHousehold}::int[], ${p.kind}::text[], ${p.target}::text[], ${p.amount}::int[], ${p.status}::text[])
           AS m(household, kind, target, amount, status)
      JOIN plan ON plan.household_id = m.household`;
