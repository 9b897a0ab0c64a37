'use client';
import { useTranslations } from 'next-intl';

/** Shown once after an account is created or reset; the clerk hands it over, the user changes it at first login. */
export function IssuedPassword({ username, password }: { username?: string; password?: string }) {
  const t = useTranslations('users');
  if (!password) return null;
  return (
    <div
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
      data-testid="issued-password"
    >
      <p>{t('issuedPasswordNote')}</p>
      <p className="mt-2 font-mono text-base">
        {username && <span>{username} / </span>}
        <strong data-testid="issued-password-value">{password}</strong>
      </p>
    </div>
  );
}
