import type { Messages } from './messages';

export type Namespace = keyof Messages;

/**
 * What every page's client code reads: the signed-in frame's outbox and the forms' send errors (app/error.tsx,
 * the outbox badge, useActionForm), given by the root layout. A section's layout and a page add their own
 * (components/layout/client-messages.tsx);
 * tests/unit/client-messages.test.ts reads the client code to check that each page gets what it reads.
 */
export const SHELL_NAMESPACES = ['errors', 'outbox'] as const satisfies readonly Namespace[];

/** The messages of the named namespaces only: the rest of the catalog stays on the server. */
export function pickMessages(messages: Messages, namespaces: readonly Namespace[]): Partial<Messages> {
  return Object.fromEntries(namespaces.map((name) => [name, messages[name]]));
}
