'use client';
import { Check, Copy } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

/** Shown once after an account is created or reset; the clerk hands it over, the user changes it at first login. */
export function IssuedPassword({ username, password }: { username?: string; password?: string }) {
  const t = useTranslations('users');
  const [copied, setCopied] = useState(false);
  if (!password) return null;
  return (
    <div
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
      data-testid="issued-password"
    >
      <p>{t('issuedPasswordNote')}</p>
      <p className="mt-2 flex flex-wrap items-center gap-2 font-mono text-base">
        {username && <span>{username} / </span>}
        <strong data-testid="issued-password-value">{password}</strong>
        <button
          type="button"
          className="inline-flex min-h-11 items-center gap-1 rounded-md border border-amber-400 bg-white px-3 font-sans text-sm text-amber-900 hover:bg-amber-100"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(password);
              setCopied(true);
            } catch {
              setCopied(false); // no clipboard (plain http): the password is on screen to copy by hand
            }
          }}
        >
          {copied ? <Check className="h-4 w-4" aria-hidden /> : <Copy className="h-4 w-4" aria-hidden />}
          {copied ? t('passwordCopied') : t('copyPassword')}
        </button>
      </p>
    </div>
  );
}
