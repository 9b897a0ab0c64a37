// The phone check-in as a small JSON endpoint: the page retries it on a weak signal without
// reloading, and a repeated request stores nothing twice (the action finds the day's record).
//   POST /api/attendance/checkin  {"latitude":…, "longitude":…, "accuracy":…}  (all optional)  →  ActionState
import type { NextRequest } from 'next/server';
import { checkIn } from '@/lib/attendance/actions';
import { currentLocale } from '@/lib/i18n/request';
import { translateKey } from '@/lib/i18n/messages';
import { isSameOrigin, readBodyLimited } from '@/lib/http';

export const dynamic = 'force-dynamic';

export async function POST(request: NextRequest) {
  const locale = await currentLocale();
  if (!isSameOrigin(request.headers, request.url)) return Response.json({ ok: false, formError: translateKey(locale, 'errors.forbidden') }, { status: 403 });
  let input: Record<string, unknown> = {};
  try {
    const body = await readBodyLimited(request.body, 1024);
    const parsed: unknown = body.length > 0 && body.length <= 1024 ? JSON.parse(body.toString('utf8')) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) input = parsed as Record<string, unknown>;
  } catch {
    return Response.json({ ok: false, formError: translateKey(locale, 'errors.invalid') }, { status: 400 });
  }
  const state = await checkIn({ ok: false }, input);
  return Response.json(state, { headers: { 'Cache-Control': 'no-store' } });
}
