// Pairing rules (DOMAIN.md: Cadre pairings): the "8741" quotas by rank, which households need a
// cadre, and the proposal that fills the gaps. Pure.
import type { CadreRank, HouseholdStatus } from '@/lib/enums';
import { POOR_STATUSES } from '@/lib/households/rules';
import type { PolicyValues } from '@/lib/policy/rules';

/** Households that may be paired: the registered poor, and those lifted out or monitored, whose help goes on. */
export const PAIRABLE_STATUSES: readonly HouseholdStatus[] = [...POOR_STATUSES, 'LIFTED_OUT', 'MONITORED'];

export type QuotaPolicy = Pick<
  PolicyValues,
  'quotaCountyChief' | 'quotaCountyDeputy' | 'quotaSectionChief' | 'quotaSectionDeputy' | 'quotaOrdinary'
>;

/** How many households a cadre of this rank may be responsible for at once (8 / 7 / 4 / 4 / 1 by default). */
export function quotaOf(rank: CadreRank, policy: QuotaPolicy): number {
  switch (rank) {
    case 'COUNTY_CHIEF':
      return policy.quotaCountyChief;
    case 'COUNTY_DEPUTY':
      return policy.quotaCountyDeputy;
    case 'SECTION_CHIEF':
      return policy.quotaSectionChief;
    case 'SECTION_DEPUTY':
      return policy.quotaSectionDeputy;
    case 'ORDINARY':
      return policy.quotaOrdinary;
  }
}

export type CandidateCadre = {
  id: number;
  unitId: number;
  /** The area that keeps the cadre: the county, or a township for township cadres. */
  regionCode: string;
  /** Households paired now. */
  used: number;
  quota: number;
};

export type ProposalInput = {
  /** Uncovered households, in the order they should be served. */
  households: readonly { id: number; villageCode: string }[];
  cadres: readonly CandidateCadre[];
  /** Liaison units (联村单位) of each village. */
  liaisonUnits: ReadonlyMap<string, ReadonlySet<number>>;
};

/**
 * Why a cadre was chosen: LIAISON, a cadre of a unit liaising with the village; TOWNSHIP, a cadre
 * kept by the household's township (township cadres cover what is left over, seed 001); COUNTY, any
 * other cadre of the county with quota left.
 */
export type ProposalTier = 'LIAISON' | 'TOWNSHIP' | 'COUNTY';
const TIERS: readonly ProposalTier[] = ['LIAISON', 'TOWNSHIP', 'COUNTY'];

export type Proposal = {
  pairs: { householdId: number; cadreId: number; tier: ProposalTier }[];
  /** Households no cadre with quota left could take. */
  unassigned: number[];
};

function tierOf(cadre: CandidateCadre, villageCode: string, liaison: ReadonlySet<number> | undefined): ProposalTier {
  if (liaison?.has(cadre.unitId)) return 'LIAISON';
  if (cadre.regionCode.length >= 9 && villageCode.startsWith(cadre.regionCode.slice(0, 9))) return 'TOWNSHIP';
  return 'COUNTY';
}

/**
 * For each household in turn: the best tier that has a cadre with quota left, and within it the
 * cadre with the most quota left (so the load spreads; ties go to the lower id, so the proposal is
 * the same every time). Quota taken by one proposed pair counts for the next household.
 */
export function proposePairings(input: ProposalInput): Proposal {
  const left = new Map(input.cadres.map((c) => [c.id, c.quota - c.used]));
  const pairs: Proposal['pairs'] = [];
  const unassigned: number[] = [];
  for (const household of input.households) {
    const liaison = input.liaisonUnits.get(household.villageCode);
    let best: { cadre: CandidateCadre; tier: number; left: number } | null = null;
    for (const cadre of input.cadres) {
      const remaining = left.get(cadre.id) ?? 0;
      if (remaining <= 0) continue;
      const tier = TIERS.indexOf(tierOf(cadre, household.villageCode, liaison));
      if (
        !best ||
        tier < best.tier ||
        (tier === best.tier && (remaining > best.left || (remaining === best.left && cadre.id < best.cadre.id)))
      ) {
        best = { cadre, tier, left: remaining };
      }
    }
    if (!best) {
      unassigned.push(household.id);
      continue;
    }
    left.set(best.cadre.id, best.left - 1);
    pairs.push({ householdId: household.id, cadreId: best.cadre.id, tier: TIERS[best.tier] });
  }
  return { pairs, unassigned };
}
