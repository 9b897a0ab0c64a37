import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { type Namespace, pickMessages, SHELL_NAMESPACES } from '@/lib/i18n/client-messages';
import type { Messages } from '@/lib/i18n/messages';

// The browser gets the message namespaces its client components read, not the whole catalog (about 100 KB on
// every page). The root layout gives the shell's; a section's layout (households, projects…) gives the shell's
// and its own. A provider's messages replace those above it, so each one carries the shell's too.
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly Namespace[];
  children: React.ReactNode;
}) {
  const messages = (await getMessages()) as Messages;
  return (
    <NextIntlClientProvider messages={pickMessages(messages, [...new Set([...SHELL_NAMESPACES, ...namespaces])])}>
      {children}
    </NextIntlClientProvider>
  );
}
