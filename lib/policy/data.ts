import 'server-only';
import { notFound } from 'next/navigation';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { db } from '@/lib/db';
import { found } from '@/lib/errors';
import { isWithinScope, lineageOf } from '@/lib/regions/rules';
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

/**
 * Policy of a county and year; a year not yet set shows the defaults (version null) for the admin to save.
 * 403 without policy.view; 404 for a county the viewer is neither inside nor above.
 */
export async function getPolicy(viewer: Viewer, countyCode: string, year: number): Promise<PolicyView> {
  requireCan(viewer, 'policy.view');
  // Visible to anyone inside the county, and to users above it (a city sees its counties).
  if (!isWithinScope(countyCode, viewer.scopeCode) && !isWithinScope(viewer.scopeCode, countyCode)) notFound();
  const county = found(
    await db.region.findFirst({ where: { code: countyCode, level: 'COUNTY' }, select: { name: true } }),
  );
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
