// Writes to help plans: save this year's plan of a household (its cadre is the household's paired cadre),
// and move one measure along. Each runs in the caller's transaction and checks the area.
import 'server-only';
import type { z } from 'zod';
import type { CommandContext, CommandOutcome } from '@/lib/command';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import { scope } from '@/lib/regions/scope';
import { chinaYear } from '@/lib/time';
import { measuresOfForm } from './rules';
import type { savePlanSchema, setMeasureStatusSchema } from './schema';

type Context<S extends z.ZodType> = CommandContext<z.output<S>>;

/** Saves the household's plan for this China year: the paired cadre is its responsible person. */
export async function savePlan({ viewer, input, tx }: Context<typeof savePlanSchema>): Promise<CommandOutcome> {
  const household = await tx.household.findFirst({ where: { id: input.householdId, ...scope.household(viewer) } });
  if (!household) throw new NotFoundError();
  const { measures, amountWithoutTarget } = measuresOfForm(input);
  if (amountWithoutTarget) throw new RefusedError('plans.amountNeedsTarget', `target_${amountWithoutTarget}`);
  if (measures.length === 0) throw new RefusedError('plans.needsMeasure', 'target_INDUSTRY');
  const pairing = await tx.pairing.findFirst({
    where: { householdId: household.id, endedOn: null },
    orderBy: { id: 'desc' },
    select: { cadreId: true },
  });
  if (!pairing) throw new RefusedError('plans.noPairedCadre', 'incomeTargetYuan');
  const year = chinaYear();
  const data = {
    incomeTargetYuan: input.incomeTargetYuan,
    agreedOn: input.agreedOn ? new Date(input.agreedOn) : null,
    cadreId: pairing.cadreId,
    regionCode: household.regionCode,
  };
  const existing = await tx.helpPlan.findUnique({ where: { householdId_year: { householdId: household.id, year } } });
  let planId: number;
  if (existing) {
    const updated = await tx.helpPlan.updateMany({
      where: { id: existing.id, version: input.version ?? -1 },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError();
    await tx.helpMeasure.deleteMany({ where: { planId: existing.id } });
    planId = existing.id;
  } else {
    if (input.version !== undefined) throw new ConflictError();
    planId = (await tx.helpPlan.create({ data: { ...data, householdId: household.id, year } })).id;
  }
  await tx.helpMeasure.createMany({ data: measures.map((m) => ({ ...m, planId })) });
  return {
    entity: 'HelpPlan',
    entityId: planId,
    regionCode: household.regionCode,
    changes: {
      year,
      cadreId: pairing.cadreId,
      incomeTargetYuan: data.incomeTargetYuan,
      measures: measures
        .map((m) => `${m.kind}:${m.status}${m.amountYuan === null ? '' : `:${m.amountYuan}`}`)
        .join(','),
    },
    message: 'plans.saved',
  };
}

/** Moves one measure of a plan in the viewer's area to a status. */
export async function setMeasureStatus({
  viewer,
  input,
  tx,
}: Context<typeof setMeasureStatusSchema>): Promise<CommandOutcome> {
  const measure = await tx.helpMeasure.findFirst({
    where: { id: input.measureId, plan: { household: scope.household(viewer) } },
    include: { plan: { select: { id: true, regionCode: true } } },
  });
  if (!measure) throw new NotFoundError();
  await tx.helpMeasure.update({ where: { id: measure.id }, data: { status: input.status } });
  await tx.helpPlan.update({ where: { id: measure.plan.id }, data: { version: { increment: 1 } } });
  return {
    entity: 'HelpMeasure',
    entityId: measure.id,
    regionCode: measure.plan.regionCode,
    changes: { status: [measure.status, input.status] },
    message: 'plans.measureSaved',
  };
}
