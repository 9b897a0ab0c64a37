// Test data factory for oversight: inspections of a test's own villages written straight to the
// database (bypassing the random draw), and removeInspectionFixtures() to take them away again with
// their checks, findings (and the problems they opened), talks and recalls, and assessment adjustments.

import { db } from '@/lib/db';
import type { InspectionKind, InspectionStatus } from '@/lib/generated/prisma/enums';
import { chinaToday, dayOf } from '@/lib/time';

const made = { inspections: new Set<number>(), villages: new Set<string>(), subjects: new Set<string>() };

/** Remembers an inspection made through the action, so it is removed afterwards. */
export function trackInspection(id: number) {
  made.inspections.add(id);
}

/** An inspection of the given villages (and households), planned for `plannedOn` (default today). */
export async function makeInspection(options: {
  villages: { code: string; householdIds?: number[] }[];
  areaCode?: string;
  kind?: InspectionKind;
  status?: InspectionStatus;
  plannedOn?: string;
  createdById: number;
}) {
  const inspection = await db.inspection.create({
    data: {
      kind: options.kind ?? 'UNANNOUNCED',
      areaCode: options.areaCode ?? options.villages[0].code.slice(0, 6),
      status: options.status ?? 'PLANNED',
      plannedOn: dayOf(options.plannedOn ?? chinaToday()),
      seed: '00000000',
      candidateCount: options.villages.length,
      createdById: options.createdById,
      villages: {
        create: options.villages.map((v, i) => ({
          villageCode: v.code,
          drawOrder: i + 1,
          candidateHouseholds: v.householdIds?.length ?? 0,
          householdIds: v.householdIds ?? [],
        })),
      },
    },
  });
  made.inspections.add(inspection.id);
  for (const v of options.villages) made.villages.add(v.code);
  return inspection;
}

export function trackAssessmentSubject(code: string) {
  made.subjects.add(code);
}

export async function removeInspectionFixtures() {
  const ids = [...made.inspections];
  const villages = [...made.villages];
  const findings = await db.finding.findMany({
    where: { OR: [{ inspectionId: { in: ids } }, { villageCode: { in: villages } }] },
    select: { problemId: true },
  });
  const problems = findings.flatMap((f) => (f.problemId ? [f.problemId] : []));
  await db.replacementRequest.deleteMany({ where: { villageCode: { in: villages } } });
  await db.followUp.deleteMany({ where: { OR: [{ inspectionId: { in: ids } }, { villageCode: { in: villages } }] } });
  await db.inspection.deleteMany({ where: { id: { in: ids } } });
  await db.problemStep.deleteMany({ where: { problemId: { in: problems } } });
  await db.problem.deleteMany({ where: { id: { in: problems } } });
  await db.assessmentAdjustment.deleteMany({ where: { subjectCode: { in: [...made.subjects] } } });
  made.inspections.clear();
  made.villages.clear();
  made.subjects.clear();
}
