// Inspections' writes: each a command the action wrapper runs in one transaction with its audit row.
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Tx } from '@/lib/audit/data';
import type { Viewer } from '@/lib/auth/data';
import type { CommandContext, CommandOutcome } from '@/lib/command';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import { MUST_PAIR_STATUSES } from '@/lib/households/rules';
import { insertProblem } from '@/lib/problems/commands';
import { isWithinScope } from '@/lib/regions/rules';
import { scope } from '@/lib/regions/scope';
import { recallPosting } from '@/lib/teams/commands';
import { chinaToday, dayOf, isoDay } from '@/lib/time';
import { drawInspection, isDiscrepancy } from './rules';
import type {
  adjustAssessmentSchema,
  completeInspectionSchema,
  findingSchema,
  followUpSchema,
  householdCheckSchema,
  planInspectionSchema,
  presenceSchema,
} from './schema';

/**
 * An inspection the viewer may work on: inside their area (planned ones are for inspectors and the
 * county office, who alone hold inspection.plan). `onTheSpot`: recording in it, which is only for its
 * day or after and only while it is not yet done.
 */
async function inspectionFor(tx: Tx, viewer: Viewer, id: number, options: { onTheSpot?: boolean } = {}) {
  const inspection = await tx.inspection.findFirst({
    where: { id, ...scope.inspection(viewer) },
    include: { villages: true },
  });
  if (!inspection) throw new NotFoundError();
  if (options.onTheSpot) {
    if (inspection.status === 'DONE') throw new RefusedError('inspections.alreadyDone');
    if (isoDay(inspection.plannedOn) > chinaToday()) throw new RefusedError('inspections.notYet');
  }
  return inspection;
}

/** Draws the villages (and households in them) at random with a fresh seed, and records the draw. */
export async function planInspection({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof planInspectionSchema>>): Promise<CommandOutcome> {
  if (!isWithinScope(input.areaCode, viewer.scopeCode)) throw new RefusedError('inspections.areaOutside', 'areaCode');
  const area = await tx.region.findFirst({ where: { code: input.areaCode } });
  if (!area) throw new RefusedError('errors.invalidChoice', 'areaCode');
  let villages: string[];
  if (input.kind === 'RETURN_VISIT') {
    const unit = await tx.unit.findFirst({ where: { id: input.unitId, countyCode: input.areaCode.slice(0, 6) } });
    if (!unit) throw new RefusedError('errors.invalidChoice', 'unitId');
    const postings = await tx.posting.findMany({
      where: { unitId: unit.id, endedOn: null, villageCode: { startsWith: input.areaCode } },
      distinct: ['villageCode'],
      select: { villageCode: true },
    });
    villages = postings.map((p) => p.villageCode);
  } else {
    villages = (
      await tx.workTeam.findMany({
        where: { villageCode: { startsWith: input.areaCode } },
        select: { villageCode: true },
      })
    ).map((t) => t.villageCode);
  }
  if (villages.length === 0)
    throw new RefusedError(
      input.kind === 'RETURN_VISIT' ? 'inspections.noUnitVillages' : 'inspections.noCandidates',
      input.kind === 'RETURN_VISIT' ? 'unitId' : 'areaCode',
    );
  const households = await tx.household.findMany({
    where: { regionCode: { in: villages }, status: { in: [...MUST_PAIR_STATUSES] } },
    select: { id: true, regionCode: true },
    orderBy: { id: 'asc' },
  });
  const byVillage = new Map<string, number[]>();
  for (const h of households) byVillage.set(h.regionCode, [...(byVillage.get(h.regionCode) ?? []), h.id]);
  const seed = randomBytes(4).toString('hex');
  const drawn = drawInspection({
    seed,
    villages,
    householdsOf: (code) => byVillage.get(code) ?? [],
    villageCount: input.villageCount,
    householdsPerVillage: input.householdsPerVillage,
  });
  const inspection = await tx.inspection.create({
    data: {
      kind: input.kind,
      areaCode: input.areaCode,
      plannedOn: dayOf(input.plannedOn),
      seed,
      candidateCount: villages.length,
      unitId: input.kind === 'RETURN_VISIT' ? input.unitId : null,
      createdById: viewer.userId,
      villages: {
        create: drawn.map((v, i) => ({
          villageCode: v.villageCode,
          drawOrder: i + 1,
          candidateHouseholds: v.candidateHouseholds,
          householdIds: v.householdIds,
        })),
      },
    },
  });
  return {
    entity: 'Inspection',
    entityId: inspection.id,
    regionCode: input.areaCode,
    changes: {
      kind: input.kind,
      plannedOn: input.plannedOn,
      seed,
      candidates: villages.length,
      villages: drawn.map((v) => v.villageCode).join(','),
    },
    message: 'inspections.planned',
    redirectTo: `/inspections/${inspection.id}`,
  };
}

/** Who was found in the village; absent on a day the attendance claims presence raises a discrepancy. */
export async function recordPresence({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof presenceSchema>>): Promise<CommandOutcome> {
  const inspection = await inspectionFor(tx, viewer, input.inspectionId, { onTheSpot: true });
  if (input.day > chinaToday()) throw new RefusedError('inspections.futureDay', 'day');
  if (input.day < isoDay(inspection.plannedOn)) throw new RefusedError('inspections.beforePlanned', 'day');
  const day = dayOf(input.day);
  const posting = await tx.posting.findFirst({
    where: {
      cadreId: input.cadreId,
      villageCode: { in: inspection.villages.map((v) => v.villageCode) },
      startDate: { lte: day },
      OR: [{ endedOn: null }, { endedOn: { gte: day } }],
    },
  });
  if (!posting) throw new RefusedError('inspections.notOnTeam', 'cadreId');
  const record = await tx.attendanceRecord.findUnique({ where: { cadreId_day: { cadreId: input.cadreId, day } } });
  const discrepancy = isDiscrepancy(input.present, record?.kind);
  const data = { present: input.present, note: input.note ?? null, villageCode: posting.villageCode };
  await tx.presenceCheck.upsert({
    where: { inspectionId_cadreId_day: { inspectionId: inspection.id, cadreId: input.cadreId, day } },
    create: { inspectionId: inspection.id, cadreId: input.cadreId, day, ...data },
    update: data,
  });
  return {
    entity: 'PresenceCheck',
    entityId: `${inspection.id}:${input.cadreId}:${input.day}`,
    regionCode: posting.villageCode,
    changes: { present: input.present, claimed: record?.kind ?? null, discrepancy },
    message: discrepancy ? 'inspections.discrepancyRaised' : 'inspections.presenceSaved',
  };
}

/** A drawn household asked on the spot. */
export async function recordHouseholdCheck({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof householdCheckSchema>>): Promise<CommandOutcome> {
  const inspection = await inspectionFor(tx, viewer, input.inspectionId, { onTheSpot: true });
  const village = inspection.villages.find((v) => v.householdIds.includes(input.householdId));
  if (!village) throw new RefusedError('inspections.notDrawn', 'householdId');
  const data = {
    visitedAsClaimed: input.visitedAsClaimed,
    knowsCadre: input.knowsCadre,
    measuresReal: input.measuresReal,
    satisfied: input.satisfied,
    note: input.note ?? null,
  };
  await tx.householdCheck.upsert({
    where: { inspectionId_householdId: { inspectionId: inspection.id, householdId: input.householdId } },
    create: {
      inspectionId: inspection.id,
      householdId: input.householdId,
      villageCode: village.villageCode,
      ...data,
    },
    update: data,
  });
  return {
    entity: 'HouseholdCheck',
    entityId: `${inspection.id}:${input.householdId}`,
    regionCode: village.villageCode,
    changes: data,
    message: 'inspections.checkSaved',
  };
}

/** A finding in a drawn village; it may open a problem in the ledger at once (source: inspection). */
export async function addFinding({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof findingSchema>>): Promise<CommandOutcome> {
  const inspection = await inspectionFor(tx, viewer, input.inspectionId, { onTheSpot: true });
  if (!inspection.villages.some((v) => v.villageCode === input.villageCode))
    throw new RefusedError('errors.invalidChoice', 'villageCode');
  const { category, urgency } = input; // the schema requires both when a problem is opened
  const problem =
    input.openProblem && category && urgency
      ? await insertProblem(tx, viewer, {
          regionCode: input.villageCode,
          householdId: null,
          visitId: null,
          source: 'INSPECTION',
          category,
          urgency,
          description: input.description,
          foundOn: chinaToday(),
        })
      : null;
  const finding = await tx.finding.create({
    data: {
      inspectionId: inspection.id,
      villageCode: input.villageCode,
      description: input.description,
      problemId: problem?.id ?? null,
    },
  });
  return {
    entity: 'Finding',
    entityId: finding.id,
    regionCode: input.villageCode,
    changes: { problemId: problem?.id ?? null },
    message: problem ? 'inspections.findingWithProblem' : 'inspections.findingSaved',
  };
}

export async function completeInspection({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof completeInspectionSchema>>): Promise<CommandOutcome> {
  const inspection = await inspectionFor(tx, viewer, input.inspectionId, { onTheSpot: true });
  const today = chinaToday();
  const updated = await tx.inspection.updateMany({
    where: { id: inspection.id, version: input.version },
    data: { status: 'DONE', doneOn: dayOf(today), summary: input.summary ?? null, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ConflictError();
  return {
    entity: 'Inspection',
    entityId: inspection.id,
    regionCode: inspection.areaCode,
    changes: { status: 'DONE' },
    message: 'inspections.completed',
  };
}

/**
 * A talk (约谈) with a team member or with the head of their dispatching unit, or a recall (召回), against
 * their posting's village. A recall ends the active posting and opens a replacement request (lib/teams).
 */
export async function recordFollowUp({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof followUpSchema>>): Promise<CommandOutcome> {
  if (input.heldOn > chinaToday()) throw new RefusedError('inspections.futureDay', 'heldOn');
  const recall = input.kind === 'RECALL';
  const posting = await tx.posting.findFirst({
    where: { cadreId: input.cadreId, ...scope.posting(viewer) },
    orderBy: { startDate: 'desc' },
  });
  if (!posting) throw new RefusedError('inspections.notOnTeam', 'cadreId');
  if (recall && posting.endedOn) throw new RefusedError('inspections.notPostedNow', 'cadreId');
  if (input.inspectionId) await inspectionFor(tx, viewer, input.inspectionId);
  const headTalk = input.kind === 'UNIT_HEAD_TALK';
  const row = await tx.followUp.create({
    data: {
      kind: input.kind,
      cadreId: input.cadreId,
      villageCode: posting.villageCode,
      inspectionId: input.inspectionId ?? null,
      heldOn: dayOf(input.heldOn),
      reason: input.reason,
      unitId: headTalk ? posting.unitId : null,
      headName: headTalk ? (input.headName ?? null) : null,
      createdById: viewer.userId,
    },
  });
  const replacement = recall
    ? await recallPosting(tx, posting, { followUpId: row.id, heldOn: input.heldOn, reason: input.reason })
    : null;
  return {
    entity: 'FollowUp',
    entityId: row.id,
    regionCode: posting.villageCode,
    changes: {
      kind: input.kind,
      cadreId: input.cadreId,
      heldOn: input.heldOn,
      ...(headTalk ? { unitId: posting.unitId, headName: input.headName } : {}),
      ...(replacement ? { postingEnded: posting.id, replacementRequest: replacement.id } : {}),
    },
    message: 'inspections.followUpSaved',
  };
}

/** The county's adjusted score of a team or township for a year, with its reason; the computed score stays beside it. */
export async function adjustAssessment({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof adjustAssessmentSchema>>): Promise<CommandOutcome> {
  if (!isWithinScope(input.subjectCode, viewer.scopeCode)) throw new NotFoundError();
  const subject = input.subjectCode.length === 12 ? 'TEAM' : 'TOWNSHIP';
  const exists =
    subject === 'TEAM'
      ? await tx.workTeam.findUnique({ where: { villageCode: input.subjectCode } })
      : await tx.region.findFirst({ where: { code: input.subjectCode, level: 'TOWNSHIP' } });
  if (!exists) throw new NotFoundError();
  const score = Math.round(input.score * 10) / 10;
  const before = await tx.assessmentAdjustment.findUnique({
    where: { year_subjectCode: { year: input.year, subjectCode: input.subjectCode } },
  });
  await tx.assessmentAdjustment.upsert({
    where: { year_subjectCode: { year: input.year, subjectCode: input.subjectCode } },
    create: {
      year: input.year,
      subject,
      subjectCode: input.subjectCode,
      score,
      reason: input.reason,
      createdById: viewer.userId,
    },
    update: { score, reason: input.reason, createdById: viewer.userId, version: { increment: 1 } },
  });
  return {
    entity: 'AssessmentAdjustment',
    entityId: `${input.year}:${input.subjectCode}`,
    regionCode: input.subjectCode,
    changes: { score: [before?.score ?? null, score], reason: input.reason },
    message: 'inspections.adjusted',
  };
}
