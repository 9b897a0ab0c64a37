// The projects domain's raw SQL: row locks that make the money checks hold under two clerks at once.
import type { AssetKind, FundSource, PaymentKind } from '@/lib/enums';
import { sql } from '@/lib/sql';

/** The project's row lock: two vouchers against one fund source wait for each other, the second sees the first. */
export const lockProject = (projectId: number) => sql`SELECT 1 FROM project WHERE id = ${projectId} FOR UPDATE`;

/** The village's row lock: two loans out of one mutual-aid fund wait for each other. */
export const lockVillage = (code: string) => sql`SELECT 1 FROM region WHERE code = ${code} FOR UPDATE`;

export type FundRow = { source: FundSource; approved: bigint; paid: bigint };

/** Per fund source of a project: the approved amount and what vouchers have paid out of it. */
export const fundsOf = (projectId: number) => sql<FundRow>`
    SELECT f.source::text AS source, f.amount_fen AS approved,
           coalesce((SELECT sum(p.amount_fen) FROM project_payment p
                      WHERE p.project_id = f.project_id AND p.source = f.source), 0)::bigint AS paid
      FROM project_fund f
     WHERE f.project_id = ${projectId}
     ORDER BY f.source`;

/** A voucher number already used in the county (a voucher pays once). */
export const voucherInCounty = (countyCode: string, voucherNo: string) => sql<{ id: number }>`
    SELECT p.id FROM project_payment p JOIN project j ON j.id = p.project_id
     WHERE left(j.region_code, 6) = ${countyCode} AND p.voucher_no = ${voucherNo}
     LIMIT 1`;

/** A village fund's capital and what its loans still owe. */
export const mutualBalance = (villageCode: string) => sql<{ capital: bigint; outstanding: bigint }>`
    SELECT coalesce((SELECT sum(amount_fen) FROM mutual_fund_capital WHERE village_code = ${villageCode}), 0)::bigint AS capital,
           coalesce((SELECT sum(amount_fen - repaid_fen) FROM mutual_loan WHERE village_code = ${villageCode}), 0)::bigint AS outstanding`;

/** The filters every count and list applies to projects, as SQL over `project j` (lib/projects/filters.ts). */
export type ProjectWhere = {
  prefix: string;
  year: number | null;
  stage: string | null;
  kind: string | null;
  funded: boolean;
  overdue: boolean;
  unaudited: boolean;
  /** Part of the project's name, or null. */
  name: string | null;
  today: Date;
};

const projectWhere = (q: ProjectWhere) => sql`
       j.region_code LIKE ${`${q.prefix}%`}
   AND (${q.year}::int IS NULL OR j.year = ${q.year}::int)
   AND (${q.stage}::text IS NULL OR j.stage::text = ${q.stage})
   AND (${q.kind}::text IS NULL OR j.kind::text = ${q.kind})
   AND (${q.name}::text IS NULL OR strpos(j.name, ${q.name}::text) > 0)
   AND (NOT ${q.funded}::boolean OR j.stage NOT IN ('PROPOSED', 'REJECTED'))
   AND (NOT ${q.overdue}::boolean OR (j.stage IN ('APPROVED', 'NOTICED', 'IN_PROGRESS') AND j.planned_end_on < ${q.today}::date))
   AND (NOT ${q.unaudited}::boolean OR (j.stage IN ('ACCEPTED', 'ASSETS_REGISTERED', 'EVALUATED', 'CLOSED')
        AND NOT EXISTS (SELECT 1 FROM project_audit a WHERE a.project_id = j.id)))`;

export type ProjectCountRow = {
  child: string;
  projects: number;
  proposedFen: bigint;
  approvedFen: bigint;
  paidFen: bigint;
  overdue: number;
  unaudited: number;
  inProgress: number;
  done: number;
};

/**
 * Per area of the next level down (`childLength` digits; a project whose home is the area itself, one spanning
 * several of its parts, counts in a row of its own keyed by the area's code): projects, the budget proposed and
 * approved, paid by voucher, overdue, accepted without audit, under way and accepted or later.
 */
export const projectCountsByChild = (q: ProjectWhere & { childLength: number }) => sql<ProjectCountRow>`
    WITH p AS (
      SELECT j.id, j.stage, j.planned_end_on,
             CASE WHEN length(j.region_code) >= ${q.childLength}::int THEN left(j.region_code, ${q.childLength}::int)
                  ELSE j.region_code END AS child,
             (SELECT coalesce(sum(f.amount_fen), 0) FROM project_fund f WHERE f.project_id = j.id) AS budget,
             (SELECT coalesce(sum(y.amount_fen), 0) FROM project_payment y WHERE y.project_id = j.id) AS paid,
             EXISTS (SELECT 1 FROM project_audit a WHERE a.project_id = j.id) AS audited
        FROM project j
       WHERE ${projectWhere(q)})
    SELECT child, count(*)::int AS projects,
           coalesce(sum(budget) FILTER (WHERE stage = 'PROPOSED'), 0)::bigint AS "proposedFen",
           coalesce(sum(budget) FILTER (WHERE stage NOT IN ('PROPOSED', 'REJECTED')), 0)::bigint AS "approvedFen",
           coalesce(sum(paid), 0)::bigint AS "paidFen",
           count(*) FILTER (WHERE stage IN ('APPROVED', 'NOTICED', 'IN_PROGRESS') AND planned_end_on < ${q.today}::date)::int AS overdue,
           count(*) FILTER (WHERE stage IN ('ACCEPTED', 'ASSETS_REGISTERED', 'EVALUATED', 'CLOSED') AND NOT audited)::int AS unaudited,
           count(*) FILTER (WHERE stage IN ('APPROVED', 'NOTICED', 'IN_PROGRESS'))::int AS "inProgress",
           count(*) FILTER (WHERE stage IN ('ACCEPTED', 'ASSETS_REGISTERED', 'EVALUATED', 'CLOSED'))::int AS done
      FROM p GROUP BY child`;

/** Projects per stage in the area under the same filters. */
export const projectStages = (q: ProjectWhere) => sql<{ stage: string; projects: number }>`
    SELECT j.stage::text AS stage, count(*)::int AS projects FROM project j WHERE ${projectWhere(q)} GROUP BY 1`;

/**
 * Households of the area that benefit from a project of the filters approved or later, per area of the next level
 * down by the household's own village (so rows add up): the project may be of a wider area.
 */
export const beneficiariesByChild = (q: Omit<ProjectWhere, 'prefix'> & { prefix: string; childLength: number }) => sql<{
  child: string;
  households: number;
}>`
    SELECT left(village_code, ${q.childLength}::int) AS child, count(*)::int AS households
      FROM (SELECT DISTINCT b.village_code, b.household_id -- hashed: a province's 100,000 links are not sorted
              FROM project_beneficiary b
              JOIN project j ON j.id = b.project_id
             WHERE b.village_code LIKE ${`${q.prefix}%`}
               AND ${projectWhere({ ...q, prefix: '', funded: true })}) AS linked
     GROUP BY 1`;

/** A page of the households benefiting from the filtered projects (approved or later), by id, with their number. */
export const beneficiaryHouseholds = (q: ProjectWhere, limit: number, offset: number) => sql<{
  householdId: number;
  total: number;
}>`
    SELECT household_id AS "householdId", count(*) OVER ()::int AS total
      FROM (SELECT DISTINCT b.household_id
              FROM project_beneficiary b
              JOIN project j ON j.id = b.project_id
             WHERE b.village_code LIKE ${`${q.prefix}%`}
               AND ${projectWhere({ ...q, prefix: '', funded: true })}) AS linked
     ORDER BY household_id LIMIT ${limit}::int OFFSET ${offset}::int`;

/** The ids of the filtered projects (the lists page through them). */
export const projectIds = (q: ProjectWhere, limit: number, offset: number) => sql<{ id: number; total: number }>`
    SELECT j.id, count(*) OVER ()::int AS total FROM project j WHERE ${projectWhere(q)}
     ORDER BY j.year DESC, j.region_code, j.id LIMIT ${limit}::int OFFSET ${offset}::int`;

export type PaymentRow = {
  id: number;
  projectId: number;
  projectName: string;
  regionCode: string;
  source: FundSource;
  kind: PaymentKind;
  paidOn: Date;
  amountFen: bigint;
  voucherNo: string;
  payee: string;
};

/** The vouchers of the filtered projects (the disbursement ledger), newest first. */
export const paymentLedger = (q: ProjectWhere, limit: number, offset = 0) => sql<PaymentRow>`
    SELECT y.id, j.id AS "projectId", j.name AS "projectName", j.region_code AS "regionCode", y.source::text AS source,
           y.kind::text AS kind, y.paid_on AS "paidOn", y.amount_fen AS "amountFen", y.voucher_no AS "voucherNo", y.payee
      FROM project_payment y JOIN project j ON j.id = y.project_id
     WHERE ${projectWhere(q)}
     ORDER BY y.paid_on DESC, y.id DESC LIMIT ${limit}::int OFFSET ${offset}::int`;

/** The vouchers of the filtered projects counted and summed: the ledger's heading, whatever page is shown. */
export const paymentTotals = (q: ProjectWhere) => sql<{ count: number; amountFen: bigint }>`
    SELECT count(*)::int AS count, coalesce(sum(y.amount_fen), 0)::bigint AS "amountFen"
      FROM project_payment y JOIN project j ON j.id = y.project_id
     WHERE ${projectWhere(q)}`;

export type AssetRow = {
  id: number;
  projectId: number;
  projectName: string;
  regionCode: string;
  kind: AssetKind;
  name: string;
  ownerName: string;
  custodian: string;
  valueFen: bigint;
  registeredOn: Date;
  incomeFen: bigint;
  householdsPaid: number;
};

/** The assets of the filtered projects in the area (by the asset's own area) with the income they returned. */
export const assetLedger = (q: ProjectWhere, limit: number, offset = 0) => sql<AssetRow>`
    SELECT s.id, j.id AS "projectId", j.name AS "projectName", s.region_code AS "regionCode", s.kind::text AS kind,
           s.name, s.owner_name AS "ownerName", s.custodian, s.value_fen AS "valueFen", s.registered_on AS "registeredOn",
           coalesce((SELECT sum(i.amount_fen) FROM asset_income i WHERE i.asset_id = s.id), 0)::bigint AS "incomeFen",
           coalesce((SELECT sum(i.households) FROM asset_income i WHERE i.asset_id = s.id), 0)::int AS "householdsPaid"
      FROM asset s JOIN project j ON j.id = s.project_id
     WHERE ${projectWhere(q)}
     ORDER BY s.registered_on DESC, s.id DESC LIMIT ${limit}::int OFFSET ${offset}::int`;

/** The assets of the filtered projects counted, their value and the income they returned summed. */
export const assetTotals = (q: ProjectWhere) => sql<{ count: number; valueFen: bigint; incomeFen: bigint }>`
    WITH a AS (SELECT s.id, s.value_fen FROM asset s JOIN project j ON j.id = s.project_id WHERE ${projectWhere(q)})
    SELECT count(*)::int AS count, coalesce(sum(a.value_fen), 0)::bigint AS "valueFen",
           coalesce((SELECT sum(i.amount_fen) FROM asset_income i WHERE i.asset_id IN (SELECT id FROM a)), 0)::bigint AS "incomeFen"
      FROM a`;

export type MutualRow = {
  villageCode: string;
  capitalFen: bigint;
  outstandingFen: bigint;
  loans: number;
  overdueLoans: number;
  overdueFen: bigint;
};

/** Per village of the area that has a fund: capital, owed on loans, and loans overdue on `today`. */
export const mutualByVillage = (prefix: string, today: Date) => sql<MutualRow>`
    WITH c AS (SELECT village_code, sum(amount_fen) AS capital FROM mutual_fund_capital
                WHERE village_code LIKE ${`${prefix}%`} GROUP BY 1),
         l AS (SELECT village_code, sum(amount_fen - repaid_fen) AS outstanding, count(*) AS loans,
                      count(*) FILTER (WHERE repaid_fen < amount_fen AND due_on < ${today}::date) AS overdue,
                      coalesce(sum(amount_fen - repaid_fen) FILTER (WHERE repaid_fen < amount_fen AND due_on < ${today}::date), 0) AS overdue_fen
                 FROM mutual_loan WHERE village_code LIKE ${`${prefix}%`} GROUP BY 1)
    SELECT coalesce(c.village_code, l.village_code) AS "villageCode", coalesce(c.capital, 0)::bigint AS "capitalFen",
           coalesce(l.outstanding, 0)::bigint AS "outstandingFen", coalesce(l.loans, 0)::int AS loans,
           coalesce(l.overdue, 0)::int AS "overdueLoans", coalesce(l.overdue_fen, 0)::bigint AS "overdueFen"
      FROM c FULL JOIN l ON l.village_code = c.village_code`;
