// A command is a domain's write: it runs inside the transaction the caller opened (the action wrapper,
// a route, a script or a test), checks the area and the rules, writes, and says what it did for the
// audit row and the user. It knows nothing of forms or Next, so a test can call it with a transaction.
import 'server-only';
import type { AuditChanges } from '@/lib/audit/rules';
import type { Viewer } from '@/lib/auth/data';
import type { Tx } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locales';

export type CommandContext<Input> = { viewer: Viewer; input: Input; tx: Tx; locale: Locale };

/** What a command did: the audit row's subject and changes, and what the user sees next. */
export type CommandOutcome = {
  entity: string;
  entityId?: string | number;
  regionCode?: string;
  changes?: AuditChanges;
  message?: string; // a message key shown to the user on success
  redirectTo?: string;
  data?: Record<string, string>;
};

export type Command<Input> = (ctx: CommandContext<Input>) => Promise<CommandOutcome>;
