'use server';
// The policy form: the command of ./commands.ts behind the action wrapper (permission, strict input, one
// transaction with its audit row).
import 'server-only';
import { action } from '@/lib/action';
import * as commands from './commands';
import { policySchema } from './schema';

export const savePolicy = action('policy.save', 'policy.edit', policySchema, commands.savePolicy);
