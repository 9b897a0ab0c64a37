// The phone check-in as a small JSON endpoint: the page retries it on a weak signal without
// reloading, and a repeated request stores nothing twice (the action finds the day's record).
//   POST /api/attendance/checkin  {"latitude":…, "longitude":…, "accuracy":…}  (all optional)  →  ActionState
import { checkIn } from '@/lib/attendance/actions';
import { readBodyLimited } from '@/lib/http';
import { route } from '@/lib/route';

export const dynamic = 'force-dynamic';

export const POST = route(
  { name: 'attendance.checkIn', permission: 'attendance.checkin', answer: 'json' },
  async (request, { fail }) => {
    let input: Record<string, unknown> = {};
    try {
      const body = await readBodyLimited(request.body, 1024);
      const parsed: unknown = body.length > 0 && body.length <= 1024 ? JSON.parse(body.toString('utf8')) : {};
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) input = parsed as Record<string, unknown>;
    } catch {
      return fail(400, 'errors.invalid');
    }
    const state = await checkIn({ ok: false }, input);
    return Response.json(state, { headers: { 'Cache-Control': 'no-store' } });
  },
);
