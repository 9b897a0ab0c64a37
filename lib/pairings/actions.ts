'use server';
// The pairing forms: each action is a command of ./commands.ts behind the action wrapper (permission,
// strict input, one transaction with its audit row).
import 'server-only';
import { action } from '@/lib/action';
import * as commands from './commands';
import {
  confirmProposalSchema,
  createCadreSchema,
  endPairingSchema,
  householdLiaisonSchema,
  leaderVillageSchema,
  pairSchema,
  reassignSchema,
  removeLeaderVillageSchema,
  removeLiaisonSchema,
  setLiaisonSchema,
  updateCadreSchema,
  villageLiaisonsSchema,
} from './schema';

export const createCadre = action('cadre.create', 'cadre.manage', createCadreSchema, commands.createCadre);
export const updateCadre = action('cadre.update', 'cadre.manage', updateCadreSchema, commands.updateCadre);
export const setLiaison = action('liaison.set', 'cadre.manage', setLiaisonSchema, commands.setLiaison);
export const removeLiaison = action('liaison.remove', 'cadre.manage', removeLiaisonSchema, commands.removeLiaison);
export const pairHousehold = action('pairing.create', 'pairing.manage', pairSchema, commands.pairHousehold);
export const endPairing = action('pairing.end', 'pairing.manage', endPairingSchema, commands.endPairing);
export const confirmProposal = action(
  'pairing.confirmProposal',
  'pairing.manage',
  confirmProposalSchema,
  commands.confirmProposal,
);
export const reassignCadre = action('pairing.reassign', 'pairing.manage', reassignSchema, commands.reassignCadre);
export const addLeaderVillage = action(
  'leaderVillage.add',
  'cadre.manage',
  leaderVillageSchema,
  commands.addLeaderVillage,
);
export const removeLeaderVillage = action(
  'leaderVillage.remove',
  'cadre.manage',
  removeLeaderVillageSchema,
  commands.removeLeaderVillage,
);
export const setHouseholdLiaison = action(
  'householdLiaison.set',
  'pairing.manage',
  householdLiaisonSchema,
  commands.setHouseholdLiaison,
);
export const assignVillageLiaisons = action(
  'householdLiaison.assignVillage',
  'pairing.manage',
  villageLiaisonsSchema,
  commands.assignVillageLiaisons,
);
