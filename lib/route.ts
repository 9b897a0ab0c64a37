// The one way to write a route handler (app/api/**, next-auth's aside): what action() does for forms,
// for URLs that answer files and JSON. It loads the viewer, refuses signed-out users, cross-site
// non-GET requests, missing permissions and users who must first change their password (each refusal
// audited), and turns errors into HTTP statuses: NotFoundError 404, RefusedError 422 (403 when it is
// "forbidden"), ConflictError 409, database unavailable 503 with Retry-After, anything else 500 with
// a request id and no stack.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { type NextRequest, NextResponse } from 'next/server';
import { writeAuditNow } from '@/lib/audit/data';
import { getViewer, type Viewer, withRequestViewer } from '@/lib/auth/data';
import { can, type Permission } from '@/lib/auth/permissions';
import { ConflictError, interruptStatus, isDatabaseUnavailable, NotFoundError, RefusedError } from '@/lib/errors';
import { isSameOrigin, NDJSON_HEADERS } from '@/lib/http';
import type { Locale } from '@/lib/i18n/locales';
import { translateKey } from '@/lib/i18n/messages';
import { currentLocale } from '@/lib/i18n/request';

/** How a refusal is written: plain text (downloads), JSON `{ ok: false, formError }`, or one NDJSON error line. */
export type RouteAnswer = 'text' | 'json' | 'ndjson';

export const RETRY_AFTER_SECONDS = 5;

type Translate = (key: string, params?: Record<string, string | number>) => string;

type Context<V, P> = {
  viewer: V;
  locale: Locale;
  requestId: string;
  t: Translate;
  params: P;
  /** A refusal in this route's answer format (the handler audits it if it matters). */
  fail: (status: number, key: string, params?: Record<string, string | number>) => Response;
};

type Options = {
  /** The audit action of refusals and failures; may depend on the request (roster check vs import). */
  name: string | ((request: NextRequest) => string);
  answer?: RouteAnswer;
};

type Handler<V, P> = (request: NextRequest, ctx: Context<V, P>) => Promise<Response> | Response;
type RouteFunction<P> = (request: NextRequest, context?: { params: Promise<P> }) => Promise<Response>;

export function failure(answer: RouteAnswer, status: number, message: string): Response {
  if (answer === 'json')
    return Response.json({ ok: false, formError: message }, { status, headers: { 'Cache-Control': 'no-store' } });
  if (answer === 'ndjson')
    return new Response(`${JSON.stringify({ type: 'error', status, message })}\n`, { status, headers: NDJSON_HEADERS });
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * `permission`: one permission, or a list of which any will do (the data layer decides the rest);
 * 'public' for the few URLs that need no account (the language switch).
 */
export function route<P = Record<string, never>>(
  options: Options & { permission: Permission | readonly Permission[] },
  handler: Handler<Viewer, P>,
): RouteFunction<P>;
export function route<P = Record<string, never>>(
  options: Options & { permission: 'public' },
  handler: Handler<null, P>,
): RouteFunction<P>;
export function route<P>(
  options: Options & { permission: Permission | readonly Permission[] | 'public' },
  handler: Handler<Viewer, P> | Handler<null, P>,
): RouteFunction<P> {
  const run = handler as Handler<Viewer | null, P>; // the overloads pair each permission with its viewer
  const answer = options.answer ?? 'text';
  return (request, context) => withRequestViewer(() => respond(request, context));
  async function respond(...[request, context]: Parameters<RouteFunction<P>>): Promise<Response> {
    const requestId = randomUUID().slice(0, 8);
    const locale = await currentLocale();
    const t: Translate = (key, params) => translateKey(locale, key, params);
    const fail = (status: number, key: string, params?: Record<string, string | number>) =>
      failure(answer, status, t(key, params));
    const name = typeof options.name === 'string' ? options.name : options.name(request);
    let viewer: Viewer | null = null;
    try {
      const params = ((await context?.params) ?? {}) as P;
      if (options.permission === 'public')
        return await run(request, { viewer: null, locale, requestId, t, params, fail });

      const signedIn = await getViewer();
      viewer = signedIn; // failed() below audits with it
      if (!signedIn) {
        // A link followed while signed out goes to the login page; a script's request is told why.
        if (request.method === 'GET' && answer === 'text')
          return NextResponse.redirect(new URL('/login', request.url), 303);
        return fail(401, 'errors.signedOut');
      }
      const actor = { userId: signedIn.userId, username: signedIn.username, role: signedIn.role };
      const refuse = async (message: string) => {
        await writeAuditNow(actor, {
          action: name,
          result: 'REFUSED',
          regionCode: signedIn.scopeCode,
          message,
          requestId,
        });
        return fail(403, 'errors.forbidden');
      };
      // The session cookie rides along on a form another site posts: only our own pages may change things.
      if (request.method !== 'GET' && request.method !== 'HEAD' && !isSameOrigin(request.headers, request.url))
        return await refuse('cross-site');
      const permissions: readonly Permission[] =
        typeof options.permission === 'string' ? [options.permission] : options.permission;
      if (!permissions.some((permission) => can(signedIn.role, permission))) return await refuse('permission');
      if (signedIn.mustChangePassword) return await refuse('mustChangePassword');

      return await run(request, { viewer: signedIn, locale, requestId, t, params, fail });
    } catch (error) {
      return failed(error, { name, viewer, requestId, fail });
    }
  }
}

async function failed(
  error: unknown,
  at: { name: string; viewer: Viewer | null; requestId: string; fail: Context<unknown, unknown>['fail'] },
): Promise<Response> {
  const { name, viewer, requestId, fail } = at;
  const actor = viewer && { userId: viewer.userId, username: viewer.username, role: viewer.role };
  const audit = (result: 'REFUSED' | 'ERROR', message: string) =>
    writeAuditNow(actor, { action: name, result, regionCode: viewer?.scopeCode, message, requestId }).catch(() => {}); // the answer matters more than its audit row
  const interrupt = interruptStatus(error); // a data function's forbidden() or notFound()
  if (interrupt) {
    const key = interrupt === 403 ? 'errors.forbidden' : 'errors.notFound';
    await audit('REFUSED', key);
    return fail(interrupt, key);
  }
  if (error instanceof NotFoundError) {
    await audit('REFUSED', 'errors.notFound');
    return fail(404, 'errors.notFound');
  }
  if (error instanceof RefusedError) {
    await audit('REFUSED', error.key);
    return fail(error.key === 'errors.forbidden' ? 403 : 422, error.key, error.params);
  }
  if (error instanceof ConflictError) {
    await audit('REFUSED', 'errors.conflict');
    return fail(409, 'errors.conflict');
  }
  if (isDatabaseUnavailable(error)) {
    // Down, restarting or every connection busy: say so at once, and when to try again.
    console.error(
      JSON.stringify({
        level: 'warn',
        requestId,
        route: name,
        error: 'database unavailable',
        detail: String((error as Error)?.message ?? error).slice(0, 200),
      }),
    );
    const response = fail(503, 'errors.busy');
    response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS));
    return response;
  }
  console.error(
    JSON.stringify({ level: 'error', requestId, route: name, error: String((error as Error)?.stack ?? error) }),
  );
  await audit('ERROR', String((error as Error)?.message ?? error));
  return fail(500, 'errors.unexpected', { requestId });
}
