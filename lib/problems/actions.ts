'use server';
import 'server-only';
import { action } from '@/lib/action';
import { can } from '@/lib/auth/permissions';
import type { ProblemStatus } from '@/lib/enums';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import { actorLevelOf } from '@/lib/households/rules';
import { chinaToday, dayOf } from '@/lib/time';
import { checkStep } from './rules';
import { openProblemSchema, problemStepSchema } from './schema';
import { claimPhotos, insertProblem } from './write';

export const openProblem = action(
  'problem.open',
  'problem.report',
  openProblemSchema,
  async ({ viewer, input, tx }) => {
    if (!input.villageCode.startsWith(viewer.scopeCode)) throw new NotFoundError();
    const village = await tx.region.findFirst({ where: { code: input.villageCode, level: 'VILLAGE' } });
    if (!village) throw new NotFoundError();
    if (input.householdId) {
      const household = await tx.household.findFirst({ where: { id: input.householdId, regionCode: village.code } });
      if (!household) throw new RefusedError('problems.householdNotInVillage', 'householdId');
    }
    const { id, deadline } = await insertProblem(tx, viewer, {
      regionCode: village.code,
      householdId: input.householdId ?? null,
      visitId: null,
      source: input.source,
      category: input.category,
      urgency: input.urgency,
      description: input.description,
      foundOn: chinaToday(),
    });
    return {
      entity: 'Problem',
      entityId: id,
      regionCode: village.code,
      changes: { category: input.category, urgency: input.urgency, source: input.source, deadline },
      message: 'problems.opened',
      redirectTo: `/problems/${id}`,
    };
  },
);

const REVIEW_STEPS = ['STRIKE_OFF', 'RETURN', 'REOPEN'];

/** Every step after opening: the rules say which may follow which, and who may take it. */
export const problemStep = action('problem.step', 'problem.work', problemStepSchema, async ({ viewer, input, tx }) => {
  const problem = await tx.problem.findFirst({
    where: { id: input.problemId, regionCode: { startsWith: viewer.scopeCode } },
  });
  if (!problem) throw new NotFoundError();
  const step = input.step as 'START' | 'SOLVE' | 'RETURN' | 'STRIKE_OFF' | 'ESCALATE' | 'REOPEN';
  if (REVIEW_STEPS.includes(step) && !can(viewer.role, 'problem.review')) throw new RefusedError('problems.officeOnly');
  const check = checkStep(
    step,
    problem.status,
    { userId: viewer.userId, level: actorLevelOf(viewer.scopeCode) },
    problem.solvedById,
  );
  if (!check.ok)
    throw new RefusedError(`problems.refused.${check.reason}`, undefined, {
      status: `problems.statuses.${problem.status}`,
    });
  const today = chinaToday();
  if (step === 'ESCALATE') {
    if (input.deadline! <= today) throw new RefusedError('problems.deadlinePast', 'deadline');
    if (input.owner === 'DEPARTMENT') {
      const unit = await tx.unit.findFirst({
        where: { id: input.ownerUnitId, countyCode: problem.regionCode.slice(0, 6), level: 'COUNTY' },
      });
      if (!unit) throw new RefusedError('errors.invalidChoice', 'ownerUnitId');
    }
  }
  const fields: Record<string, unknown> = { status: check.to };
  if (step === 'SOLVE') Object.assign(fields, { solvedById: viewer.userId, solvedOn: dayOf(today) });
  if (step === 'STRIKE_OFF') fields.struckOffOn = dayOf(today);
  if (step === 'RETURN' || step === 'REOPEN')
    Object.assign(fields, { solvedById: null, solvedOn: null, struckOffOn: null });
  if (step === 'ESCALATE')
    Object.assign(fields, {
      owner: input.owner,
      ownerUnitId: input.owner === 'DEPARTMENT' ? input.ownerUnitId : null,
      deadline: dayOf(input.deadline!),
    });
  const updated = await tx.problem.updateMany({
    where: { id: problem.id, version: input.version },
    data: { ...fields, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ConflictError();
  const row = await tx.problemStep.create({
    data: {
      problemId: problem.id,
      kind: step,
      fromStatus: problem.status,
      toStatus: check.to as ProblemStatus,
      userId: viewer.userId,
      userName: viewer.displayName,
      note: input.note ?? null,
      evidence: input.evidence ?? null,
      owner: step === 'ESCALATE' ? input.owner : null,
      ownerUnitId: step === 'ESCALATE' && input.owner === 'DEPARTMENT' ? input.ownerUnitId : null,
      deadline: step === 'ESCALATE' ? dayOf(input.deadline!) : null,
    },
  });
  await claimPhotos(tx, viewer, input.photoKeys, { stepId: row.id });
  return {
    entity: 'Problem',
    entityId: problem.id,
    regionCode: problem.regionCode,
    changes: {
      step,
      status: { from: problem.status, to: check.to },
      note: input.note ?? null,
      ...(step === 'ESCALATE' ? { owner: input.owner, deadline: input.deadline } : {}),
    },
    message: `problems.stepDone.${step}`,
  };
});
