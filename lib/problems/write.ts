// Writing a new problem and claiming uploaded photos: shared by the visit and the problem actions,
// always inside their transaction (the caller's `tx`), never on its own.
import 'server-only';
import type { Tx } from '@/lib/audit/data';
import type { Viewer } from '@/lib/auth/data';
import type { ProblemCategory, ProblemSource, Urgency } from '@/lib/enums';
import { RefusedError } from '@/lib/errors';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { dateOfDayNumber, dayNumber, dayOf } from '@/lib/time';
import { deadlineDays } from './rules';

export async function insertProblem(
  tx: Tx,
  viewer: Viewer,
  problem: {
    regionCode: string;
    householdId: number | null;
    visitId: bigint | null;
    source: ProblemSource;
    category: ProblemCategory;
    urgency: Urgency;
    description: string;
    foundOn: string;
  },
) {
  const year = Number(problem.foundOn.slice(0, 4));
  const policy =
    (await tx.policy.findUnique({
      where: { countyCode_year: { countyCode: problem.regionCode.slice(0, 6), year } },
    })) ?? DEFAULT_POLICY;
  const deadline = dateOfDayNumber(dayNumber(problem.foundOn) + deadlineDays(problem.urgency, policy));
  const row = await tx.problem.create({
    data: {
      regionCode: problem.regionCode,
      householdId: problem.householdId,
      visitId: problem.visitId,
      source: problem.source,
      category: problem.category,
      urgency: problem.urgency,
      description: problem.description,
      deadline: dayOf(deadline),
      foundOn: dayOf(problem.foundOn),
      createdById: viewer.userId,
      steps: {
        create: {
          kind: 'OPEN',
          toStatus: 'OPEN',
          userId: viewer.userId,
          userName: viewer.displayName,
          deadline: dayOf(deadline),
        },
      },
    },
  });
  return { id: row.id, deadline };
}

/** Attaches the viewer's own unclaimed uploads to a visit or a problem step; anything else is refused. */
export async function claimPhotos(
  tx: Tx,
  viewer: Viewer,
  keys: readonly string[],
  owner: { visitId: bigint } | { stepId: bigint },
) {
  if (keys.length === 0) return;
  const claimed = await tx.attachment.updateMany({
    where: { storageKey: { in: [...keys] }, uploadedBy: viewer.userId, visitId: null, stepId: null },
    data: owner,
  });
  if (claimed.count !== keys.length) throw new RefusedError('problems.photoNotYours', 'photoKeys');
}
