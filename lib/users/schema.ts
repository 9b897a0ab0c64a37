import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';
import { REGION_CODE_PATTERN } from '@/lib/regions/rules';
import { optionalRecordId, recordId, text, version } from '@/lib/validation';

const userId = recordId;
const role = z.enum(ROLES, { error: 'errors.invalidChoice' });
const scopeCode = z.string().regex(REGION_CODE_PATTERN, { error: 'errors.invalidChoice' });

export const createUserSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3, { error: 'users.usernameRule' })
    .max(40, { error: 'users.usernameRule' })
    .regex(/^[a-z0-9._-]+$/, { error: 'users.usernameRule' }),
  displayName: text(40),
  role,
  scopeCode,
  /** The cadre record a team or pairing account belongs to: check-ins and "my households" are theirs. */
  cadreId: optionalRecordId,
});

export const updateUserSchema = z.strictObject({ id: userId, version, displayName: text(40), role, scopeCode });
export const setUserDisabledSchema = z.strictObject({
  id: userId,
  version,
  disabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
});
export const resetPasswordSchema = z.strictObject({ id: userId, version });
/** Approve or reject a pending account or password reset; `version` is the account's. */
export const decideApprovalSchema = z.strictObject({ id: userId, version });
