'use server';
// The region registry's form: the command of ./commands.ts behind the action wrapper (permission, strict
// input, one transaction with its audit row).
import 'server-only';
import { action } from '@/lib/action';
import * as commands from './commands';
import { updateVillageSchema } from './schema';

export const updateVillage = action('region.updateVillage', 'region.edit', updateVillageSchema, commands.updateVillage);
