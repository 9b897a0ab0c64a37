// The one way to write a server action: permission, strict zod input, area scope inside the handler,
// one transaction holding the change and its audit row, and an ActionState the form can show.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { runAudited, writeAuditNow } from '@/lib/audit/data';
import { getViewer, type Viewer } from '@/lib/auth/data';
import { can, type Permission } from '@/lib/auth/permissions';
import type { Command, CommandOutcome } from '@/lib/command';
import { WROTE_COOKIE } from '@/lib/db';
import { ConflictError, interruptStatus, isDatabaseUnavailable, NotFoundError, RefusedError } from '@/lib/errors';
import { translateKey } from '@/lib/i18n/messages';
import { currentLocale } from '@/lib/i18n/request';
import { zodIssueKey } from '@/lib/validation';

export type { ActionState };

/** What a handler returns: the command's outcome (lib/command.ts). */
export type ActionOutcome = CommandOutcome;

/** A command of lib/<domain>/commands.ts, or a few lines that call one. */
type Handler<S extends z.ZodType> = Command<z.output<S>>;
/** Runs before the transaction, outside it: for counts that must stay when the action is refused (limits). */
type Before<S extends z.ZodType> = (ctx: { viewer: Viewer; input: z.output<S> }) => Promise<void>;

export type ActionFunction = ((
  prev: ActionState,
  input: FormData | Record<string, unknown>,
) => Promise<ActionState>) & {
  actionName: string;
  permission: Permission;
};

function formDataToObject(input: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const object: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith('$ACTION')) continue; // React's own fields for progressive enhancement
    if (typeof value !== 'string') continue;
    object[key] = key in object ? ([] as unknown[]).concat(object[key], value) : value;
  }
  return object;
}

function echoValues(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (/password/i.test(key)) continue; // never echo secrets back into the page
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value)) values[key] = value.join(','); // multi-select: comma-joined
  }
  return values;
}

export function action<S extends z.ZodType>(
  actionName: string,
  permission: Permission,
  schema: S,
  handler: Handler<S>,
  options: { before?: Before<S> } = {},
): ActionFunction {
  const run = async (prev: ActionState, input: FormData | Record<string, unknown>): Promise<ActionState> => ({
    ...(await answer(prev, input).catch((error) => busyOrThrow(error, input))),
    attempt: (prev?.attempt ?? 0) + 1,
  });
  const answer = async (_prev: ActionState, input: FormData | Record<string, unknown>): Promise<ActionState> => {
    const requestId = randomUUID().slice(0, 8);
    const locale = await currentLocale();
    const t = (key: string, params?: Record<string, string | number>) => translateKey(locale, key, params);
    const raw = formDataToObject(input);
    const viewer = await getViewer();
    if (!viewer) return { ok: false, formError: t('errors.signedOut') };
    const actor = { userId: viewer.userId, username: viewer.username, role: viewer.role };

    if (!can(viewer.role, permission) || (viewer.mustChangePassword && permission !== 'account.self')) {
      await writeAuditNow(actor, {
        action: actionName,
        result: 'REFUSED',
        regionCode: viewer.scopeCode,
        message: 'permission',
        requestId,
      });
      return { ok: false, formError: t('errors.forbidden'), values: echoValues(raw) };
    }

    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      let formError: string | undefined;
      for (const issue of parsed.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          formError = t('errors.unknownFields', { fields: issue.keys.join(', ') });
          continue;
        }
        const field = String(issue.path[0] ?? '');
        const { key, params } = zodIssueKey(issue);
        if (!field) formError = t(key, params);
        else (fieldErrors[field] ??= []).push(t(key, params));
      }
      await writeAuditNow(actor, {
        action: actionName,
        result: 'INVALID',
        regionCode: viewer.scopeCode,
        changes: { fields: [...Object.keys(fieldErrors), ...(formError ? ['(form)'] : [])] },
        requestId,
      });
      return { ok: false, fieldErrors, formError, values: echoValues(raw) };
    }

    let outcome: ActionOutcome;
    try {
      await options.before?.({ viewer, input: parsed.data });
      outcome = await runAudited(actor, actionName, requestId, (tx) =>
        handler({ viewer, input: parsed.data, tx, locale }),
      );
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal && isDatabaseUnavailable(error)) {
        // Database down, restarting or every connection busy: the transaction wrote nothing; ask for a retry.
        console.error(
          JSON.stringify({
            level: 'warn',
            requestId,
            action: actionName,
            error: `database unavailable: ${String((error as Error)?.message ?? error)}`,
          }),
        );
        await writeAuditNow(actor, {
          action: actionName,
          result: 'ERROR',
          regionCode: viewer.scopeCode,
          requestId,
          message: 'database unavailable',
        }).catch(() => {}); // may fail too
        return { ok: false, formError: t('errors.busy'), values: echoValues(raw) };
      }
      if (!refusal) {
        console.error(
          JSON.stringify({
            level: 'error',
            requestId,
            action: actionName,
            error: String((error as Error)?.stack ?? error),
          }),
        );
        await writeAuditNow(actor, {
          action: actionName,
          result: 'ERROR',
          regionCode: viewer.scopeCode,
          requestId,
          message: String((error as Error)?.message ?? error),
        });
        return { ok: false, formError: t('errors.unexpected', { requestId }), values: echoValues(raw) };
      }
      await writeAuditNow(actor, {
        action: actionName,
        result: 'REFUSED',
        regionCode: viewer.scopeCode,
        requestId,
        message: refusal.key,
      });
      // A parameter may itself be message keys ("a.b|a.c"), e.g. the list of unmet exit conditions.
      const params = Object.fromEntries(
        Object.entries(refusal.params ?? {}).map(([name, value]) => [
          name,
          typeof value === 'string' && /^[a-z]+\.[\w.|]+$/.test(value)
            ? value
                .split('|')
                .map((key) => t(key))
                .join(locale === 'en' ? ', ' : '、')
            : value,
        ]),
      );
      const text = t(refusal.key, params);
      return {
        ok: false,
        values: echoValues(raw),
        ...(refusal.field ? { fieldErrors: { [refusal.field]: [text] } } : { formError: text }),
      };
    }
    revalidatePath('/', 'layout');
    await rememberWrite();
    if (outcome.redirectTo) redirect(outcome.redirectTo);
    return { ok: true, message: t(outcome.message ?? 'common.saved', outcome.data), data: outcome.data };
  };
  return Object.assign(run, { actionName, permission });
}

/**
 * With reads on a replica (DATABASE_READ_URL), the writer's next pages read the primary for a while, so they show
 * what was just saved (lib/db.ts readDb). Without a replica nothing is set.
 */
async function rememberWrite() {
  if (!process.env.DATABASE_READ_URL) return;
  try {
    const { cookies } = await import('next/headers');
    (await cookies()).set(WROTE_COOKIE, String(Date.now()), {
      httpOnly: true,
      sameSite: 'lax',
      secure: process.env.PUBLIC_URL?.startsWith('https://') ?? false, // as the sign-in cookies (lib/auth/next-auth.ts)
      path: '/',
      maxAge: 120,
    });
  } catch {
    // Not in a request (a script or a test calling the action): there is no next page to send to the primary.
  }
}

/** The database failed before the handler ran (the viewer's session, an audit of a refusal): "busy, retry". */
async function busyOrThrow(error: unknown, input: FormData | Record<string, unknown>): Promise<ActionState> {
  if (!isDatabaseUnavailable(error)) throw error;
  return {
    ok: false,
    formError: translateKey(await currentLocale(), 'errors.busy'),
    values: echoValues(formDataToObject(input)),
  };
}

function refusalOf(error: unknown): { key: string; field?: string; params?: Record<string, string | number> } | null {
  if (error instanceof RefusedError) return { key: error.key, field: error.field, params: error.params };
  if (error instanceof NotFoundError) return { key: 'errors.notFound' };
  if (error instanceof ConflictError) return { key: 'errors.conflict' };
  const status = interruptStatus(error); // a data function's forbidden() or notFound()
  if (status) return { key: status === 403 ? 'errors.forbidden' : 'errors.notFound' };
  return null;
}
