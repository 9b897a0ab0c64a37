import { z } from 'zod';
import { meetsPasswordPolicy } from './password';

export const newPassword = z
  .string()
  .min(1, { error: 'errors.required' })
  .refine(meetsPasswordPolicy, { error: 'errors.passwordPolicy' });

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1, { error: 'errors.required' }).max(40),
  password: z.string().min(1, { error: 'errors.required' }).max(200),
});

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1, { error: 'errors.required' }),
    newPassword,
    confirmPassword: z.string().min(1, { error: 'errors.required' }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { error: 'errors.passwordMismatch', path: ['confirmPassword'] })
  .refine((v) => v.newPassword !== v.currentPassword, { error: 'errors.passwordUnchanged', path: ['newPassword'] });

export const emptySchema = z.strictObject({});
