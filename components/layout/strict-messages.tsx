// Under test (BANGFU_STRICT_MESSAGES=1, which playwright.config.ts gives the server) the client components'
// translators throw on a missing message key, as the server's do (lib/i18n/request.ts): the page breaks instead
// of showing the key's path. app/layout.tsx renders this only then; production keeps next-intl's log and fallback.
'use client';
import { NextIntlClientProvider, useLocale } from 'next-intl';
import type { ReactNode } from 'react';

function fail(error: Error): never {
  throw error;
}

export function StrictMessages({ children }: { children: ReactNode }) {
  return (
    // Messages, time zone and formats come from the provider above; a page's own provider below keeps onError.
    <NextIntlClientProvider locale={useLocale()} onError={fail}>
      {children}
    </NextIntlClientProvider>
  );
}
