import { z } from 'zod';
import { CADRE_RANKS, LEADER_ROLES } from '@/lib/enums';
import {
  checkbox,
  chosenRecordId,
  idNumber,
  isoDate,
  optionalPhone,
  optionalRecordId,
  recordId,
  text,
  version,
} from '@/lib/validation';

const optionalId = optionalRecordId;
const areaCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, { error: 'errors.invalid' });

const cadreFields = {
  name: text(40),
  unitId: recordId,
  rank: z.enum(CADRE_RANKS, { error: 'errors.invalidChoice' }),
  phone: optionalPhone,
  userId: optionalId,
  /** Absent: left as it is; empty: not a county-level leader (seed 002's 包抓 applies to leaders only). */
  leaderRole: z.preprocess(
    (v) => (v === '' ? null : v),
    z.enum(LEADER_ROLES, { error: 'errors.invalidChoice' }).nullable().optional(),
  ),
};

export const createCadreSchema = z.strictObject({ ...cadreFields, idNumber, regionCode: areaCode });
export const updateCadreSchema = z.strictObject({ id: recordId, version, ...cadreFields });

export const setLiaisonSchema = z.strictObject({
  villageCode: z.string().regex(/^\d{12}$/, { error: 'errors.invalid' }),
  unitId: chosenRecordId,
});
export const removeLiaisonSchema = z.strictObject({ id: recordId });

export const pairSchema = z.strictObject({ householdId: recordId, cadreId: recordId });
export const endPairingSchema = z.strictObject({ pairingId: recordId, reason: text(200) });

/** A reviewed proposal: "householdId:cadreId" pairs, comma-separated, as the review page lists them. */
const pairList = z
  .string()
  .regex(/^\d+:\d+(,\d+:\d+)*$/, { error: 'pairings.noPairs' })
  .transform((value) => value.split(',').map((pair) => pair.split(':').map(Number) as [number, number]))
  .refine((pairs) => pairs.length <= 5000, { error: 'pairings.tooManyPairs' })
  .refine((pairs) => new Set(pairs.map(([h]) => h)).size === pairs.length, { error: 'pairings.duplicateHousehold' });

export const confirmProposalSchema = z.strictObject({ area: areaCode, pairs: pairList });

/** A departing cadre: end their pairings, hand each household to the proposed cadre, optionally mark them as left. */
export const reassignSchema = z.strictObject({
  cadreId: recordId,
  version,
  pairs: pairList,
  reason: text(200),
  markLeft: checkbox,
  leftOn: isoDate,
});

/** A poor village a county-level leader takes in hand (包抓), and its removal. */
export const leaderVillageSchema = z.strictObject({
  cadreId: recordId,
  villageCode: z.string().regex(/^\d{12}$/, { error: 'errors.invalidChoice' }),
});
export const removeLeaderVillageSchema = z.strictObject({ id: recordId });

/** A household's liaison cadre (联户干部); the same cadre for every household of a village without one. */
export const householdLiaisonSchema = z.strictObject({ householdId: recordId, cadreId: chosenRecordId });
export const villageLiaisonsSchema = z.strictObject({
  villageCode: z.string().regex(/^\d{12}$/, { error: 'errors.invalidChoice' }),
  cadreId: chosenRecordId,
});
