// Reads of help plans for the household page.
import 'server-only';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { db } from '@/lib/db';
import { scope } from '@/lib/regions/scope';
import { chinaYear } from '@/lib/time';

/**
 * The household's plan of this China year (`current`), else its latest earlier plan (`current` null,
 * `latest` set), and the cadre a plan saved now would name: the household's paired cadre.
 * Nothing (null plan) for a household outside the viewer's area.
 */
export async function planOfHousehold(viewer: Viewer, householdId: number) {
  requireCan(viewer, 'household.view');
  const year = chinaYear();
  const [plans, pairing] = await Promise.all([
    db.helpPlan.findMany({
      where: { householdId, household: scope.household(viewer) },
      orderBy: { year: 'desc' },
      take: 1,
      include: { measures: { orderBy: { id: 'asc' } }, cadre: { select: { id: true, name: true } } },
    }),
    db.pairing.findFirst({
      where: { householdId, endedOn: null, ...scope.pairing(viewer) },
      orderBy: { id: 'desc' },
      select: { cadre: { select: { id: true, name: true } } },
    }),
  ]);
  const latest = plans[0] ?? null;
  return { year, current: latest?.year === year ? latest : null, latest, pairedCadre: pairing?.cadre ?? null };
}
export type PlanView = Awaited<ReturnType<typeof planOfHousehold>>;
