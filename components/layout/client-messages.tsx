import { getMessages } from 'next-intl/server';
import { type Namespace, pickMessages } from '@/lib/i18n/client-messages';
import type { Messages } from '@/lib/i18n/messages';
import { MoreMessages } from './more-messages';

// The browser gets the message namespaces its client components read, not the whole catalog (about 100 KB on
// every page). The root layout gives the shell's; a section's layout (households, projects…) adds those its
// pages share, and a page those only it reads. Each adds to what the providers above it gave.
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly Namespace[];
  children: React.ReactNode;
}) {
  const messages = (await getMessages()) as Messages;
  return <MoreMessages messages={pickMessages(messages, namespaces)}>{children}</MoreMessages>;
}
