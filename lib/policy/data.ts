import 'server-only';
import type { Viewer } from '@/lib/auth/data';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { lineageOf } from '@/lib/regions/rules';
import { DEFAULT_POLICY, POLICY_FIELD_NAMES, type PolicyValues } from './rules';

export type PolicyView = {
  countyCode: string;
  countyName: string;
  year: number;
  values: PolicyValues;
  version: number | null;
  updatedAt: Date | null;
};

/** The county whose policy applies to the viewer: their own, or the one above their area. */
export function policyCountyOf(viewer: Viewer): string | null {
  return lineageOf(viewer.scopeCode).find((code) => code.length === 6) ?? null;
}

/** Policy of a county and year; a year not yet set shows the defaults (version null) for the admin to save. */
export async function getPolicy(viewer: Viewer, countyCode: string, year: number): Promise<PolicyView | null> {
  if (!can(viewer.role, 'policy.view')) return null;
  // Visible to anyone inside the county, and to users above it (a city sees its counties).
  if (!countyCode.startsWith(viewer.scopeCode) && !viewer.scopeCode.startsWith(countyCode)) return null;
  const county = await db.region.findFirst({ where: { code: countyCode, level: 'COUNTY' }, select: { name: true } });
  if (!county) return null;
  const row = await db.policy.findUnique({ where: { countyCode_year: { countyCode, year } } });
  const values = row
    ? (Object.fromEntries(POLICY_FIELD_NAMES.map((name) => [name, row[name]])) as PolicyValues)
    : DEFAULT_POLICY;
  return {
    countyCode,
    countyName: county.name,
    year,
    values,
    version: row?.version ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function policyYears(countyCode: string): Promise<number[]> {
  const rows = await db.policy.findMany({ where: { countyCode }, select: { year: true }, orderBy: { year: 'desc' } });
  return rows.map((row) => row.year);
}

/** The numbers in force for a county and year, the defaults while the year is not set. For rules, not for display. */
export async function policyValuesFor(countyCode: string, year: number): Promise<PolicyValues> {
  const row = await db.policy.findUnique({ where: { countyCode_year: { countyCode, year } } });
  return row
    ? (Object.fromEntries(POLICY_FIELD_NAMES.map((name) => [name, row[name]])) as PolicyValues)
    : DEFAULT_POLICY;
}

/**
 * The numbers in force for the counties of these codes (any code: its first six digits are the county),
 * read in one query; the lookup answers the defaults for a county whose year is not set.
 */
export async function policiesFor(codes: Iterable<string>, year: number): Promise<(code: string) => PolicyValues> {
  const counties = [...new Set([...codes].map((code) => code.slice(0, 6)))];
  const rows = counties.length ? await db.policy.findMany({ where: { countyCode: { in: counties }, year } }) : [];
  const byCounty = new Map(
    rows.map((row) => [
      row.countyCode,
      Object.fromEntries(POLICY_FIELD_NAMES.map((name) => [name, row[name]])) as PolicyValues,
    ]),
  );
  return (code) => byCounty.get(code.slice(0, 6)) ?? DEFAULT_POLICY;
}
