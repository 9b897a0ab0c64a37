'use server';
import 'server-only';
import { action } from '@/lib/action';
import { NotFoundError, RefusedError } from '@/lib/errors';
import { claimPhotos, insertProblem } from '@/lib/problems/write';
import { chinaToday, dayNumber, dayOf } from '@/lib/time';
import { createVisitSchema, LATE_ENTRY_DAYS } from './schema';

/**
 * Logs a visit with any problems found on it. Stored once per client key: the phone makes the key
 * before the first try, so a double tap or a retry after a dropped answer finds the visit already
 * there and is told so, instead of storing it twice.
 */
export const createVisit = action('visit.create', 'visit.create', createVisitSchema, async ({ viewer, input, tx }) => {
  const cadre = await tx.cadre.findUnique({ where: { userId: viewer.userId }, select: { id: true } });
  // Inside the visitor's area, or paired with them (a county cadre's household may lie outside their own scope).
  const household = await tx.household.findFirst({
    where: {
      id: input.householdId,
      OR: [
        { regionCode: { startsWith: viewer.scopeCode } },
        ...(cadre ? [{ pairings: { some: { cadreId: cadre.id, endedOn: null } } }] : []),
      ],
    },
    select: { id: true, regionCode: true },
  });
  if (!household) throw new NotFoundError();
  const today = chinaToday();
  if (input.visitedOn > today) throw new RefusedError('visits.futureDate', 'visitedOn');
  if (dayNumber(today) - dayNumber(input.visitedOn) > LATE_ENTRY_DAYS)
    throw new RefusedError('visits.tooLate', 'visitedOn', { days: LATE_ENTRY_DAYS });

  // ON CONFLICT DO NOTHING: two copies of the same submission racing each other insert one row.
  const inserted = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO visit (client_key, household_id, region_code, visited_on, kind, visitor_id, visitor_name, visitor_cadre_id,
                       met_with, findings, help_delivered, latitude, longitude, accuracy_meters)
    VALUES (${input.clientKey}, ${household.id}, ${household.regionCode}, ${dayOf(input.visitedOn)}::date, ${input.kind}::"VisitKind", ${viewer.userId},
            ${viewer.displayName}, ${cadre?.id ?? null}, ${input.metWith ?? null}, ${input.findings ?? null}, ${input.helpDelivered ?? null},
            ${input.latitude ?? null}, ${input.longitude ?? null}, ${input.accuracy ?? null})
    ON CONFLICT (client_key) DO NOTHING
    RETURNING id`;
  if (inserted.length === 0) {
    const existing = await tx.visit.findUnique({
      where: { clientKey: input.clientKey },
      select: { id: true, visitorId: true, regionCode: true, _count: { select: { problems: true } } },
    });
    if (!existing || existing.visitorId !== viewer.userId) throw new RefusedError('visits.keyTaken');
    return {
      entity: 'Visit',
      entityId: existing.id.toString(),
      regionCode: existing.regionCode,
      changes: { repeat: true },
      message: 'visits.alreadySaved',
      data: { visitId: existing.id.toString(), problems: String(existing._count.problems) },
    };
  }
  const visitId = inserted[0].id;
  await claimPhotos(tx, viewer, input.photoKeys, { visitId });
  const problems = [];
  for (const p of input.problems) {
    problems.push(
      await insertProblem(tx, viewer, {
        ...p,
        regionCode: household.regionCode,
        householdId: household.id,
        visitId,
        source: 'VISIT',
        foundOn: input.visitedOn,
      }),
    );
  }
  return {
    entity: 'Visit',
    entityId: visitId.toString(),
    regionCode: household.regionCode,
    changes: {
      householdId: household.id,
      visitedOn: input.visitedOn,
      kind: input.kind,
      photos: input.photoKeys.length,
      problems: problems.map((p) => p.id),
    },
    message: problems.length > 0 ? 'visits.savedWithProblems' : 'visits.saved',
    data: { visitId: visitId.toString(), problems: String(problems.length) },
  };
});
