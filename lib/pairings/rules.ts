// Pairing rules (DOMAIN.md: Cadre pairings): the "8741" quotas by rank, which households need a
// cadre, and the proposal that fills the gaps. Pure.
import type { CadreRank, HouseholdStatus, LeaderRole } from '@/lib/enums';
import { HELPED_STATUSES } from '@/lib/households/rules';
import type { PolicyValues } from '@/lib/policy/rules';

/** Households that may be paired: the registered poor, and those lifted out or monitored, whose help goes on. */
export const PAIRABLE_STATUSES: readonly HouseholdStatus[] = HELPED_STATUSES;

export type QuotaPolicy = Pick<
  PolicyValues,
  | 'quotaCountyChief'
  | 'quotaCountyDeputy'
  | 'quotaSectionChief'
  | 'quotaSectionDeputy'
  | 'quotaOrdinary'
  | 'quotaTownshipBackstop'
  | 'principalVillagesMin'
  | 'principalHouseholdsMin'
  | 'leaderVillagesMin'
  | 'leaderHouseholdsMin'
>;

export type LeaderPolicy = Pick<
  PolicyValues,
  'principalVillagesMin' | 'principalHouseholdsMin' | 'leaderVillagesMin' | 'leaderHouseholdsMin'
>;

/** The villages and households a county-level leader takes at least (seed 002); none for other cadres. */
export function leaderMinimums(
  role: LeaderRole | null,
  policy: LeaderPolicy,
): { villages: number; households: number } {
  if (role === 'PRINCIPAL') return { villages: policy.principalVillagesMin, households: policy.principalHouseholdsMin };
  if (role === 'OTHER') return { villages: policy.leaderVillagesMin, households: policy.leaderHouseholdsMin };
  return { villages: 0, households: 0 };
}

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

/** The households a cadre carries by their own standing: their rank's number, or a leader's if larger (seed 002: 9 for a principal against 8). */
export function ownNumber(rank: CadreRank, leaderRole: LeaderRole | null, policy: QuotaPolicy): number {
  return Math.max(quotaOf(rank, policy), leaderMinimums(leaderRole, policy).households);
}

/** A cadre kept by a township (9-digit code), for a household of a village of that township. */
export function isOwnTownship(cadreRegionCode: string, villageCode: string): boolean {
  return cadreRegionCode.length === 9 && villageCode.startsWith(cadreRegionCode);
}

/**
 * How many households a cadre may carry when pairing this household: the rank's number, or for a township
 * cadre and a household of their own township the township's backstop cap if larger (剩余贫困户由乡镇驻村干部
 * 兜底, seed 001: the leftovers go to township cadres whatever their rank).
 */
export function quotaFor(
  rank: CadreRank,
  cadreRegionCode: string,
  villageCode: string,
  policy: QuotaPolicy,
  leaderRole: LeaderRole | null = null,
): number {
  const byRank = ownNumber(rank, leaderRole, policy);
  return isOwnTownship(cadreRegionCode, villageCode) ? Math.max(byRank, policy.quotaTownshipBackstop) : byRank;
}

export type CandidateCadre = {
  id: number;
  unitId: number;
  /** The area that keeps the cadre: the county, or a township for township cadres. */
  regionCode: string;
  /** Households paired now. */
  used: number;
  quota: number;
  /** For a township cadre, the most they may carry for households of their township (≥ quota); else quota. */
  backstop: number;
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
 * kept by the household's township; COUNTY, any other cadre of the county with quota left; BACKSTOP,
 * what no rank quota could cover, given to a cadre of the household's township beyond their rank's
 * number up to the township cap (seed 001: 剩余贫困户由乡镇驻村干部兜底).
 */
export type ProposalTier = 'LIAISON' | 'TOWNSHIP' | 'COUNTY' | 'BACKSTOP';
const TIERS: readonly ProposalTier[] = ['LIAISON', 'TOWNSHIP', 'COUNTY', 'BACKSTOP'];

export type Proposal = {
  pairs: { householdId: number; cadreId: number; tier: ProposalTier }[];
  /** Households no cadre with quota left could take, nor a township cadre as backstop. */
  unassigned: number[];
};

function tierOf(cadre: CandidateCadre, villageCode: string, liaison: ReadonlySet<number> | undefined): ProposalTier {
  if (liaison?.has(cadre.unitId)) return 'LIAISON';
  if (isOwnTownship(cadre.regionCode, villageCode)) return 'TOWNSHIP';
  return 'COUNTY';
}

/**
 * For each household in turn: the best tier that has a cadre with quota left, and within it the
 * cadre with the most quota left (so the load spreads; ties go to the lower id, so the proposal is
 * the same every time). Quota taken by one proposed pair counts for the next household. Then what
 * is left goes, the same way, to the household's township cadres up to the backstop cap.
 */
export function proposePairings(input: ProposalInput): Proposal {
  const used = new Map(input.cadres.map((c) => [c.id, c.used]));
  const pairs: Proposal['pairs'] = [];
  const pick = (
    household: { id: number; villageCode: string },
    tierOfCadre: (cadre: CandidateCadre) => number | null,
    capOf: (cadre: CandidateCadre) => number,
  ) => {
    let best: { cadre: CandidateCadre; tier: number; left: number } | null = null;
    for (const cadre of input.cadres) {
      const remaining = capOf(cadre) - (used.get(cadre.id) ?? 0);
      const tier = remaining > 0 ? tierOfCadre(cadre) : null;
      if (tier === null) continue;
      if (
        !best ||
        tier < best.tier ||
        (tier === best.tier && (remaining > best.left || (remaining === best.left && cadre.id < best.cadre.id)))
      ) {
        best = { cadre, tier, left: remaining };
      }
    }
    if (!best) return false;
    used.set(best.cadre.id, (used.get(best.cadre.id) ?? 0) + 1);
    pairs.push({ householdId: household.id, cadreId: best.cadre.id, tier: TIERS[best.tier] });
    return true;
  };
  const leftOver = input.households.filter((household) => {
    const liaison = input.liaisonUnits.get(household.villageCode);
    return !pick(
      household,
      (cadre) => TIERS.indexOf(tierOf(cadre, household.villageCode, liaison)),
      (cadre) => cadre.quota,
    );
  });
  const backstop = TIERS.indexOf('BACKSTOP');
  const unassigned = leftOver.filter(
    (household) =>
      !pick(
        household,
        (cadre) => (isOwnTownship(cadre.regionCode, household.villageCode) ? backstop : null),
        (cadre) => cadre.backstop,
      ),
  );
  return { pairs, unassigned: unassigned.map((h) => h.id) };
}
