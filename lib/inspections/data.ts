import 'server-only';
import { notFound } from 'next/navigation';
import { ABSENT_ON_CLAIMED_DAY } from '@/lib/attendance/sql';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { db, rows } from '@/lib/db';
import type { DayKind, InspectionKind } from '@/lib/enums';
import { assessmentCounts } from '@/lib/figures/sql';
import type { Prisma } from '@/lib/generated/prisma/client';
import { MUST_PAIR_STATUSES } from '@/lib/households/rules';
import { policyValuesFor } from '@/lib/policy/data';
import { type PolicyValues, scoreBand } from '@/lib/policy/rules';
import { isWithinScope } from '@/lib/regions/rules';
import { areaPrefix, scope } from '@/lib/regions/scope';
import { type Fragment, sql } from '@/lib/sql';
import { chinaToday, dayOf, isoDay } from '@/lib/time';
import {
  type AssessmentCounts,
  assessmentScore,
  type Band,
  drawInspection,
  type Outcome,
  outcomesOf,
  paceOf,
  periodsOf,
  unitScore,
} from './rules';
import { discrepancies } from './sql';

/**
 * The inspections a viewer may see: those of their area or visiting it; while planned, only for
 * inspectors and the county office (inspection.plan), so no team or township learns of a visit ahead.
 */
function visibleWhere(viewer: Viewer, area?: string): Prisma.InspectionWhereInput {
  return {
    OR: [scope.inspection(viewer, area), { villages: { some: scope.inspectionVillage(viewer, area) } }],
    ...(can(viewer.role, 'inspection.plan') ? {} : { status: 'DONE' }),
  };
}

/**
 * Talks and recalls the viewer may see: one tied to an inspection not yet DONE only for inspectors and
 * the county office, like the inspection itself (a talk must not announce the visit).
 */
async function followUpsVisible(viewer: Viewer): Promise<Prisma.FollowUpWhereInput> {
  if (can(viewer.role, 'inspection.plan')) return {};
  const planned = await db.inspection.findMany({ where: { status: { not: 'DONE' } }, select: { id: true } });
  return planned.length ? { OR: [{ inspectionId: null }, { inspectionId: { notIn: planned.map((i) => i.id) } }] } : {};
}

const discrepanciesWhere = (filter: Fragment, definition?: Fragment) => rows(db, discrepancies(filter, definition));

const names = async (codes: string[]) =>
  new Map(
    (
      await db.region.findMany({ where: { code: { in: [...new Set(codes)] } }, select: { code: true, name: true } })
    ).map((r) => [r.code, r.name]),
  );

/** Inspections a page of the list shows (a province plans thousands a year). */
export const INSPECTION_PAGE_SIZE = 50;

/** An inspection of a larger area (a county's) is seen by a township only in its own villages' part. */
const ownPart = (viewer: Viewer) => scope.inspectionVillage(viewer);

export async function listInspections(viewer: Viewer, options: { area?: string; year: number; page?: number }) {
  requireCan(viewer, 'inspection.view');
  const area = areaPrefix(viewer, options.area);
  const where = {
    ...visibleWhere(viewer, area),
    plannedOn: { gte: dayOf(`${options.year}-01-01`), lte: dayOf(`${options.year}-12-31`) },
  };
  // A page of the list, or (no page: a form's choice of the year's inspections) all of them.
  const page = options.page === undefined ? null : Math.max(1, options.page);
  const [counted, rows] = await Promise.all([
    page === null ? null : db.inspection.count({ where }),
    db.inspection.findMany({
      where,
      orderBy: [{ plannedOn: 'desc' }, { id: 'desc' }],
      ...(page === null ? {} : { skip: (page - 1) * INSPECTION_PAGE_SIZE, take: INSPECTION_PAGE_SIZE }),
      include: {
        villages: { where: ownPart(viewer), orderBy: { drawOrder: 'asc' } },
        _count: { select: { findings: { where: ownPart(viewer) }, householdChecks: { where: ownPart(viewer) } } },
      },
    }),
  ]);
  const [villageNames, found] = await Promise.all([
    names(rows.flatMap((r) => r.villages.map((v) => v.villageCode))),
    // Planned rows reach inspectors only (visibleWhere): they see the discrepancies as recorded.
    rows.length
      ? discrepanciesWhere(
          sql`pc.inspection_id = ANY(${rows.map((r) => r.id)}::int[]) AND pc.village_code LIKE ${`${viewer.scopeCode}%`}`,
          ABSENT_ON_CLAIMED_DAY,
        )
      : [],
  ]);
  return {
    area,
    page: page ?? 1,
    total: counted ?? rows.length,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      plannedOn: isoDay(r.plannedOn),
      doneOn: r.doneOn ? isoDay(r.doneOn) : null,
      villages: r.villages.map((v) => villageNames.get(v.villageCode) ?? v.villageCode),
      villageCodes: r.villages.map((v) => v.villageCode),
      findings: r._count.findings,
      checks: r._count.householdChecks,
      discrepancies: found.filter((d) => d.inspection_id === r.id).length,
    })),
  };
}

/** One inspection with its draw, the teams and households to check, and what has been recorded. */
export async function getInspection(viewer: Viewer, id: number) {
  requireCan(viewer, 'inspection.view');
  if (!Number.isInteger(id)) notFound();
  const inspection = await db.inspection.findFirst({
    where: { id, ...visibleWhere(viewer) },
    include: {
      villages: { orderBy: { drawOrder: 'asc' } },
      presenceChecks: {
        include: { cadre: { select: { name: true } } },
        orderBy: [{ day: 'desc' }, { cadreId: 'asc' }],
      },
      householdChecks: true,
      findings: { orderBy: { id: 'asc' } },
    },
  });
  if (!inspection) notFound();
  // A township user sees only the drawn villages of their own township.
  const mine = (code: string) => isWithinScope(code, viewer.scopeCode);
  const ownVillages = inspection.villages.filter((v) => mine(v.villageCode));
  const codes = ownVillages.map((v) => v.villageCode);
  // The whole inspection (seed, candidates, summary) only to a viewer whose area holds the area it was drawn from.
  const whole = isWithinScope(inspection.areaCode, viewer.scopeCode);
  const disputed = new Set(
    (await discrepanciesWhere(sql`pc.inspection_id = ${inspection.id}`, ABSENT_ON_CLAIMED_DAY)).map((d) => d.id),
  );
  const [villageNames, households, postings, unit, candidates] = await Promise.all([
    names([...codes, inspection.areaCode]),
    db.household.findMany({
      where: { id: { in: ownVillages.flatMap((v) => v.householdIds) } },
      select: { id: true, headName: true, groupName: true, regionCode: true, status: true },
    }),
    db.posting.findMany({
      where: {
        villageCode: { in: codes },
        startDate: { lte: inspection.plannedOn },
        OR: [{ endedOn: null }, { endedOn: { gte: inspection.plannedOn } }],
      },
      include: { cadre: { select: { name: true } } },
      orderBy: [{ villageCode: 'asc' }, { role: 'asc' }],
    }),
    inspection.unitId ? db.unit.findUnique({ where: { id: inspection.unitId }, select: { name: true } }) : null,
    whole ? drawCandidates(inspection.kind, inspection.areaCode, inspection.unitId) : null,
  ]);
  // The draw repeated from its seed over today's candidates: the same, unless the candidates changed since.
  const redraw =
    candidates &&
    drawInspection({
      seed: inspection.seed,
      villages: candidates.villages,
      householdsOf: (code) => candidates.households.get(code) ?? [],
      villageCount: inspection.villages.length,
      householdsPerVillage: Math.max(1, ...inspection.villages.map((v) => v.householdIds.length)),
    });
  const verified =
    candidates && redraw
      ? candidates.villages.length === inspection.candidateCount &&
        redraw.map((v) => v.villageCode).join() === inspection.villages.map((v) => v.villageCode).join() &&
        redraw.every((v, i) => v.householdIds.join() === inspection.villages[i].householdIds.join())
      : null;
  const { seed, candidateCount, summary, ...rest } = inspection;
  return {
    ...rest,
    // null: a part of a larger area's inspection (the draw and the summary cover villages not the viewer's).
    seed: whole ? seed : null,
    candidateCount: whole ? candidateCount : null,
    summary: whole ? summary : null,
    plannedOn: isoDay(inspection.plannedOn),
    doneOn: inspection.doneOn ? isoDay(inspection.doneOn) : null,
    areaName: villageNames.get(inspection.areaCode) ?? inspection.areaCode,
    unitName: unit?.name ?? null,
    verified,
    villages: ownVillages.map((v) => ({
      ...v,
      name: villageNames.get(v.villageCode) ?? v.villageCode,
      households: households.filter((h) => v.householdIds.includes(h.id)),
      members: postings
        .filter((p) => p.villageCode === v.villageCode)
        .map((p) => ({ cadreId: p.cadreId, name: p.cadre.name, role: p.role })),
    })),
    presenceChecks: inspection.presenceChecks
      .filter((c) => mine(c.villageCode))
      .map((c) => ({ ...c, day: isoDay(c.day), discrepancy: disputed.has(c.id) })),
    householdChecks: inspection.householdChecks.filter((c) => mine(c.villageCode)),
    findings: inspection.findings.filter((f) => mine(f.villageCode)),
    canWork: can(viewer.role, 'inspection.plan') && whole,
  };
}
export type InspectionDetail = Awaited<ReturnType<typeof getInspection>>;

/** The draw's candidates as planInspection sees them: villages in code order, households by id. */
async function drawCandidates(kind: string, area: string, unitId: number | null) {
  const villages =
    kind === 'RETURN_VISIT'
      ? (
          await db.posting.findMany({
            where: { unitId: unitId ?? -1, endedOn: null, villageCode: { startsWith: area } },
            distinct: ['villageCode'],
            select: { villageCode: true },
          })
        ).map((p) => p.villageCode)
      : (
          await db.workTeam.findMany({ where: { villageCode: { startsWith: area } }, select: { villageCode: true } })
        ).map((t) => t.villageCode);
  const rows = await db.household.findMany({
    where: { regionCode: { in: villages }, status: { in: [...MUST_PAIR_STATUSES] } },
    select: { id: true, regionCode: true },
    orderBy: { id: 'asc' },
  });
  const households = new Map<string, number[]>();
  for (const h of rows) households.set(h.regionCode, [...(households.get(h.regionCode) ?? []), h.id]);
  return { villages, households };
}

/** What the plan form offers: the viewer's area and its townships; the county's dispatching units. */
export async function planOptions(viewer: Viewer) {
  requireCan(viewer, 'inspection.plan');
  const [areas, units] = await Promise.all([
    db.region.findMany({
      where: { ...scope.region(viewer), level: { in: ['COUNTY', 'TOWNSHIP'] } },
      orderBy: { code: 'asc' },
      select: { code: true, name: true, level: true },
    }),
    db.unit.findMany({
      where: { countyCode: { startsWith: viewer.scopeCode.slice(0, 6) }, postings: { some: { endedOn: null } } },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
  ]);
  return { areas, units };
}

/** Absences that contradict a claimed day (考勤不实): for the township and the county. */
export async function listDiscrepancies(viewer: Viewer, options: { area?: string; year: number }) {
  requireCan(viewer, 'inspection.view');
  const area = areaPrefix(viewer, options.area);
  const rows = await discrepanciesWhere(
    sql`pc.village_code LIKE ${`${area}%`} AND pc.day BETWEEN ${dayOf(`${options.year}-01-01`)} AND ${dayOf(`${options.year}-12-31`)}`,
  );
  const villageNames = await names(rows.flatMap((r) => [r.village_code, r.village_code.slice(0, 9)]));
  return {
    area,
    rows: rows.map((r) => ({
      id: r.id,
      day: isoDay(r.day),
      cadreId: r.cadre_id,
      name: r.name,
      note: r.note,
      village: villageNames.get(r.village_code) ?? r.village_code,
      township: villageNames.get(r.village_code.slice(0, 9)) ?? '',
      claimed: r.claimed as DayKind,
      inspectionId: r.inspection_id,
      inspectionKind: r.inspection_kind as InspectionKind,
    })),
  };
}

/** Talks and recalls in the area, newest first. */
export async function listFollowUps(viewer: Viewer, options: { area?: string; year: number }) {
  requireCan(viewer, 'inspection.view');
  const area = areaPrefix(viewer, options.area);
  const rows = await db.followUp.findMany({
    where: {
      ...scope.followUp(viewer, area),
      heldOn: { gte: dayOf(`${options.year}-01-01`), lte: dayOf(`${options.year}-12-31`) },
      ...(await followUpsVisible(viewer)),
    },
    include: {
      cadre: { select: { name: true } },
      unit: { select: { name: true } },
      replacement: { select: { filledOn: true } },
    },
    orderBy: [{ heldOn: 'desc' }, { id: 'desc' }],
  });
  const villageNames = await names(rows.flatMap((r) => [r.villageCode, r.villageCode.slice(0, 9)]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    heldOn: isoDay(r.heldOn),
    cadreId: r.cadreId,
    name: r.cadre.name,
    reason: r.reason,
    inspectionId: r.inspectionId,
    unitName: r.unit?.name ?? null,
    headName: r.headName,
    replacementFilledOn: r.replacement ? (r.replacement.filledOn ? isoDay(r.replacement.filledOn) : '') : null,
    village: villageNames.get(r.villageCode) ?? r.villageCode,
    township: villageNames.get(r.villageCode.slice(0, 9)) ?? '',
  }));
}

/** A person's oversight record in the viewer's area: discrepancies found and talks or recalls, newest first. */
export async function oversightOfPerson(viewer: Viewer, cadreId: number) {
  requireCan(viewer, 'inspection.view');
  const [discrepancies, followUps] = await Promise.all([
    discrepanciesWhere(sql`pc.cadre_id = ${cadreId} AND pc.village_code LIKE ${`${viewer.scopeCode}%`}`),
    followUpsVisible(viewer).then((visible) =>
      db.followUp.findMany({
        where: { cadreId, ...scope.followUp(viewer), ...visible },
        orderBy: { heldOn: 'desc' },
        select: { id: true, kind: true, heldOn: true, reason: true },
      }),
    ),
  ]);
  return {
    discrepancies: discrepancies.map((d) => ({
      id: d.id,
      day: isoDay(d.day),
      inspectionId: d.inspection_id,
      note: d.note,
    })),
    followUps: followUps.map((f) => ({ ...f, heldOn: isoDay(f.heldOn) })),
  };
}

/** Team members of the area a talk or recall may be recorded against. */
export async function followUpOptions(viewer: Viewer) {
  requireCan(viewer, 'followup.manage');
  const postings = await db.posting.findMany({
    where: { ...scope.posting(viewer), endedOn: null },
    include: { cadre: { select: { name: true } } },
    orderBy: [{ villageCode: 'asc' }, { role: 'asc' }],
  });
  const villageNames = await names(postings.map((p) => p.villageCode));
  return postings.map((p) => ({
    cadreId: p.cadreId,
    label: `${p.cadre.name} · ${villageNames.get(p.villageCode) ?? p.villageCode}`,
  }));
}

/** An inspection notice (督查通报) of a period: inspections done, findings, discrepancies, talks and recalls. */
export async function noticeOf(viewer: Viewer, options: { area?: string; from: string; to: string }) {
  requireCan(viewer, 'inspection.view');
  const area = areaPrefix(viewer, options.area);
  const period = { gte: dayOf(options.from), lte: dayOf(options.to) };
  const [inspections, findings, discrepancies, followUps] = await Promise.all([
    db.inspection.findMany({
      where: { ...visibleWhere(viewer, area), status: 'DONE', plannedOn: period },
      include: { villages: true },
      orderBy: { plannedOn: 'asc' },
    }),
    db.finding.findMany({
      where: { ...scope.finding(viewer, area), inspection: { status: 'DONE', plannedOn: period } },
      orderBy: [{ villageCode: 'asc' }, { id: 'asc' }],
    }),
    discrepanciesWhere(sql`pc.village_code LIKE ${`${area}%`} AND pc.day BETWEEN ${period.gte} AND ${period.lte}`),
    followUpsVisible(viewer).then((visible) =>
      db.followUp.findMany({
        where: { ...scope.followUp(viewer, area), heldOn: period, ...visible },
        include: { cadre: { select: { name: true } } },
        orderBy: { heldOn: 'asc' },
      }),
    ),
  ]);
  const villageNames = await names([
    area,
    ...[...findings, ...followUps].flatMap((r) => [r.villageCode, r.villageCode.slice(0, 9)]),
    ...discrepancies.flatMap((d) => [d.village_code, d.village_code.slice(0, 9)]),
    ...inspections.flatMap((i) => i.villages.flatMap((v) => [v.villageCode, v.villageCode.slice(0, 9)])),
  ]);
  const where = (code: string) => `${villageNames.get(code.slice(0, 9)) ?? ''}${villageNames.get(code) ?? code}`;
  return {
    area,
    areaName: villageNames.get(area) ?? area,
    from: options.from,
    to: options.to,
    inspections: inspections.map((i) => ({
      id: i.id,
      kind: i.kind,
      plannedOn: isoDay(i.plannedOn),
      villages: i.villages.filter((v) => isWithinScope(v.villageCode, area)).map((v) => where(v.villageCode)),
    })),
    findings: findings.map((f) => ({
      id: f.id,
      where: where(f.villageCode),
      description: f.description,
      problemId: f.problemId,
    })),
    discrepancies: [...discrepancies]
      .reverse()
      .map((d) => ({ id: d.id, where: where(d.village_code), name: d.name, day: isoDay(d.day), note: d.note })),
    followUps: followUps.map((f) => ({
      id: f.id,
      kind: f.kind,
      where: where(f.villageCode),
      name: f.cadre.name,
      heldOn: isoDay(f.heldOn),
      reason: f.reason,
    })),
  };
}

// ─────────────────────────── Year-end assessment ───────────────────────────

export type AssessmentRow = {
  code: string;
  name: string;
  township: string;
  counts: AssessmentCounts;
  computed: ReturnType<typeof assessmentScore>;
  adjusted: { score: number; reason: string } | null;
  /** The county's adjusted score, else the computed one; null when the area is not assessed at all. */
  final: number | null;
  band: Band;
  rank: number;
};

/** The years whose figures are kept for the viewer's county (newest first): the years that can be assessed. */
export async function assessmentYears(viewer: Viewer): Promise<number[]> {
  requireCan(viewer, 'assessment.view');
  const county = viewer.scopeCode.slice(0, 6);
  if (county.length < 6) return [];
  const rows = await db.villageFiguresYear.findMany({
    where: { villageCode: { startsWith: county } },
    distinct: ['year'],
    select: { year: true },
    orderBy: { year: 'desc' },
  });
  return rows.map((r) => r.year);
}

export type UnitAssessmentRow = {
  unitId: number;
  name: string;
  /** The villages whose teams it posted people to in the year, and their final scores (those assessed). */
  teams: number;
  teamScores: number[];
  returnVisits: { done: number; due: number };
  result: ReturnType<typeof unitScore>;
  rank: number;
  outcome: Outcome;
};

/** Teams (by village) or townships of a county for a year, scored, adjusted where the county has, ranked. */
async function rankedRows(county: string, year: number, byTownship: boolean, policy: PolicyValues) {
  const [counts, adjustments, regionNames] = await Promise.all([
    rows(db, assessmentCounts(county, year, byTownship)),
    db.assessmentAdjustment.findMany({ where: { year, subjectCode: { startsWith: county } } }),
    db.region.findMany({
      where: { code: { startsWith: county }, level: { in: ['TOWNSHIP', 'VILLAGE'] } },
      select: { code: true, name: true },
    }),
  ]);
  const nameOf = new Map(regionNames.map((r) => [r.code, r.name]));
  const scored = counts
    .map((r) => {
      const computed = assessmentScore(r, policy);
      const adjustment = adjustments.find((a) => a.subjectCode === r.code);
      const final = adjustment?.score ?? computed.score;
      // The band of an adjusted score is the county's; a computed one's is read unrounded (rules.ts).
      const band: Band = adjustment ? scoreBand(adjustment.score, policy) : computed.band;
      // Ranked on the unrounded score: two areas shown with the same one decimal may still differ.
      const rankedOn = adjustment?.score ?? computed.raw ?? Number.NEGATIVE_INFINITY;
      return {
        code: r.code,
        name: nameOf.get(r.code) ?? r.code,
        township: nameOf.get(r.code.slice(0, 9)) ?? '',
        counts: r,
        computed,
        adjusted: adjustment ? { score: adjustment.score, reason: adjustment.reason } : null,
        final,
        band,
        rank: 0,
        rankedOn,
      };
    })
    .sort((a, b) => b.rankedOn - a.rankedOn || a.code.localeCompare(b.code));
  scored.forEach((row, i) => {
    row.rank = i > 0 && scored[i - 1].rankedOn === row.rankedOn ? scored[i - 1].rank : i + 1;
  });
  return scored.map(({ rankedOn: _, ...row }) => row) as AssessmentRow[];
}

/**
 * Dispatching units of the county that posted people in the year: their teams' final scores and the
 * quarters with their return visit done (seed 000), scored by the county's weights and ranked.
 */
async function unitRows(county: string, year: number, teams: readonly AssessmentRow[], policy: PolicyValues) {
  const from = dayOf(`${year}-01-01`);
  const to = dayOf(`${year}-12-31`);
  const [postings, visits] = await Promise.all([
    db.posting.findMany({
      where: {
        villageCode: { startsWith: county },
        startDate: { lte: to },
        OR: [{ endedOn: null }, { endedOn: { gte: from } }],
      },
      select: { unitId: true, villageCode: true, unit: { select: { name: true } } },
    }),
    db.inspection.findMany({
      where: { kind: 'RETURN_VISIT', status: 'DONE', areaCode: { startsWith: county }, doneOn: { gte: from, lte: to } },
      select: { unitId: true, plannedOn: true, doneOn: true },
    }),
  ]);
  const today = chinaToday();
  const quarters = periodsOf(year, 3);
  const scoreOf = new Map(teams.map((t) => [t.code, t.final]));
  const units = new Map<number, { name: string; villages: Set<string> }>();
  for (const p of postings) {
    const unit = units.get(p.unitId) ?? { name: p.unit.name, villages: new Set<string>() };
    unit.villages.add(p.villageCode);
    units.set(p.unitId, unit);
  }
  const scored = [...units].map(([unitId, unit]) => {
    const teamScores = [...unit.villages].flatMap((v) => {
      const score = scoreOf.get(v);
      return score === null || score === undefined ? [] : [score];
    });
    const pace = paceOf(
      quarters,
      visits
        .filter((v) => v.unitId === unitId)
        .map((v) => ({ plannedOn: isoDay(v.plannedOn), doneOn: v.doneOn ? isoDay(v.doneOn) : null })),
      policy.returnVisitsPerQuarter,
      today,
    );
    const done = pace.filter((q) => q.state === 'done').length;
    const returnVisits = { done, due: done + pace.filter((q) => q.state === 'missed').length };
    return {
      unitId,
      name: unit.name,
      teams: unit.villages.size,
      teamScores,
      returnVisits,
      result: unitScore(teamScores, returnVisits, policy),
      rank: 0,
    };
  });
  scored.sort(
    (a, b) =>
      (b.result.raw ?? Number.NEGATIVE_INFINITY) - (a.result.raw ?? Number.NEGATIVE_INFINITY) ||
      a.name.localeCompare(b.name, 'zh'),
  );
  scored.forEach((row, i) => {
    row.rank = i > 0 && scored[i - 1].result.raw === row.result.raw ? scored[i - 1].rank : i + 1;
  });
  return scored;
}

/**
 * Teams (by village), townships and dispatching units of the viewer's county for a year, scored from that
 * year's kept figures with the policy's weights, adjusted where the county has, ranked, with what each
 * result brings (seed 001: 优秀, prizes, criticism, reorganisation; 一般 two years running counts as 较差).
 */
export async function assessment(viewer: Viewer, year: number) {
  requireCan(viewer, 'assessment.view');
  const county = viewer.scopeCode.slice(0, 6);
  if (county.length < 6)
    return {
      county: null,
      year,
      policy: null,
      today: chinaToday(),
      teams: [] as AssessmentRow[],
      townships: [] as (AssessmentRow & { outcome: Outcome })[],
      units: [] as UnitAssessmentRow[],
    };
  const [policy, lastPolicy] = await Promise.all([policyValuesFor(county, year), policyValuesFor(county, year - 1)]);
  const [villages, townships, lastTownships] = await Promise.all([
    rankedRows(county, year, false, policy),
    rankedRows(county, year, true, policy),
    rankedRows(county, year - 1, true, lastPolicy),
  ]);
  const lastBands = new Map(lastTownships.map((r) => [r.code, r.band]));
  const townshipOutcomes = outcomesOf(
    townships,
    lastBands,
    policy,
    [policy.prizeFirstYuan, policy.prizeSecondYuan, policy.prizeThirdYuan],
    policy.excellentSharePercent,
  );
  const units = await unitRows(county, year, villages, policy);
  const lastUnits =
    lastTownships.length > 0
      ? await unitRows(county, year - 1, await rankedRows(county, year - 1, false, lastPolicy), lastPolicy)
      : [];
  const unitOutcomes = outcomesOf(
    units.map((u) => ({ code: String(u.unitId), band: u.result.band })),
    new Map(lastUnits.map((u) => [String(u.unitId), u.result.band])),
    policy,
    [policy.unitPrizeFirstYuan, policy.unitPrizeSecondYuan, policy.unitPrizeThirdYuan],
    null,
  );
  const own = (code: string) => isWithinScope(code, viewer.scopeCode) || isWithinScope(viewer.scopeCode, code);
  const none: Outcome = { excellent: false, prize: null, prizeYuan: 0, consequence: 'NONE', twoYearsFair: false };
  return {
    county,
    year,
    policy,
    today: chinaToday(),
    teams: villages.filter((r) => own(r.code)),
    townships: townships
      .filter((r) => own(r.code))
      .map((r) => ({ ...r, outcome: townshipOutcomes.get(r.code) ?? none })),
    // The units are the county's: shown to its county-level viewers.
    units:
      viewer.scopeCode.length <= 6
        ? units.map((u) => ({ ...u, outcome: unitOutcomes.get(String(u.unitId)) ?? none }))
        : [],
  };
}

// ─────────────────────────── Pace of oversight ───────────────────────────

/**
 * The year's pace of oversight in a county (seed 000): unannounced visits by month, concentrated inspections
 * by quarter, and each dispatching unit with members posted that year by quarter, against the county's policy.
 * Null for an area other than a county: the rule is the county's. Planned inspections count as planned only
 * for those who may see them (inspectors and the county office).
 */
export async function oversightPace(viewer: Viewer, options: { area?: string; year: number }) {
  requireCan(viewer, 'inspection.view');
  const area = areaPrefix(viewer, options.area);
  if (area.length !== 6) return null;
  const from = dayOf(`${options.year}-01-01`);
  const to = dayOf(`${options.year}-12-31`);
  const [inspections, policy, units] = await Promise.all([
    db.inspection.findMany({
      where: {
        AND: [
          visibleWhere(viewer, area),
          { areaCode: { startsWith: area } },
          { OR: [{ plannedOn: { gte: from, lte: to } }, { doneOn: { gte: from, lte: to } }] },
        ],
      },
      select: { kind: true, status: true, plannedOn: true, doneOn: true, unitId: true },
    }),
    policyValuesFor(area, options.year),
    db.unit.findMany({
      where: {
        countyCode: area,
        postings: { some: { startDate: { lte: to }, OR: [{ endedOn: null }, { endedOn: { gte: from } }] } },
      },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  const today = chinaToday();
  const dated = (kind: InspectionKind, unitId?: number) =>
    inspections
      .filter((i) => i.kind === kind && (unitId === undefined || i.unitId === unitId))
      .map((i) => ({
        plannedOn: isoDay(i.plannedOn),
        doneOn: i.status === 'DONE' && i.doneOn ? isoDay(i.doneOn) : null,
      }));
  const months = periodsOf(options.year, 1);
  const quarters = periodsOf(options.year, 3);
  return {
    area,
    year: options.year,
    policy: {
      unannouncedPerMonth: policy.unannouncedPerMonth,
      concentratedPerQuarter: policy.concentratedPerQuarter,
      returnVisitsPerQuarter: policy.returnVisitsPerQuarter,
    },
    unannounced: paceOf(months, dated('UNANNOUNCED'), policy.unannouncedPerMonth, today),
    concentrated: paceOf(quarters, dated('CONCENTRATED'), policy.concentratedPerQuarter, today),
    returnVisits: units.map((unit) => ({
      unit,
      periods: paceOf(quarters, dated('RETURN_VISIT', unit.id), policy.returnVisitsPerQuarter, today),
    })),
  };
}
export type OversightPace = NonNullable<Awaited<ReturnType<typeof oversightPace>>>;
