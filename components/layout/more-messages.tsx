// The messages of the providers above, and these: each namespace travels to the browser once, where it is read.
// client messages:
'use client';
import { NextIntlClientProvider, useLocale, useMessages } from 'next-intl';
import { useMemo } from 'react';
import type { Messages } from '@/lib/i18n/messages';

export function MoreMessages({ messages, children }: { messages: Partial<Messages>; children: React.ReactNode }) {
  const above = useMessages();
  const merged = useMemo(() => ({ ...above, ...messages }), [above, messages]);
  // Time zone, formats and the strict onError under test come from the provider above.
  return (
    <NextIntlClientProvider locale={useLocale()} messages={merged}>
      {children}
    </NextIntlClientProvider>
  );
}
