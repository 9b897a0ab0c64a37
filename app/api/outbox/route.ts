// The outbox's one endpoint: every item a phone queued (a check-in, a visit, a month-grid entry, a
// problem step, a project's progress) is sent here, from a page or from the service worker, with the key the phone made before
// the first try. The item goes through the same server action as the online form (permission, zod,
// area scope, one transaction with its audit row), so however often it is sent it is stored once.
//
//   POST /api/outbox  {"kind": "checkin"|"visit"|"days"|"problemStep"|"projectStep", "clientKey": "<uuid>",
//                      "userId"?: "<the user who entered it>", "payload": {…the action's input…}}
//   → 200 with the action's ActionState: {ok: true, message, data?} when stored (or stored before),
//     {ok: false, formError?, fieldErrors?, values?} when refused (the reason to show beside the item);
//     400 malformed body, 401 signed out or another user's item, 403 without the kind's permission,
//     413 body over OUTBOX_MAX_BYTES; 5xx: try again later. Refusals other than 200 are {ok: false, formError}.
import type { ActionFunction } from '@/lib/action';
import { checkIn, setDays } from '@/lib/attendance/actions';
import { can } from '@/lib/auth/permissions';
import { readBodyLimited } from '@/lib/http';
import { problemStep } from '@/lib/problems/actions';
import { projectStep } from '@/lib/projects/actions';
import { route } from '@/lib/route';
import { createVisit } from '@/lib/visits/actions';
import { OUTBOX_MAX_BYTES, type OutboxKind, parseOutboxItem } from './item';

export const dynamic = 'force-dynamic';

const ACTIONS: Record<OutboxKind, ActionFunction> = {
  checkin: checkIn,
  visit: createVisit,
  days: setDays,
  problemStep,
  projectStep,
};

export const POST = route(
  {
    name: 'outbox.send',
    permission: [
      checkIn.permission,
      createVisit.permission,
      setDays.permission,
      problemStep.permission,
      projectStep.permission,
    ],
    answer: 'json',
  },
  async (request, { viewer, fail }) => {
    let body: Buffer;
    try {
      body = await readBodyLimited(request.body, OUTBOX_MAX_BYTES);
    } catch {
      return fail(400, 'errors.requestMalformed');
    }
    if (body.length > OUTBOX_MAX_BYTES) return fail(413, 'errors.requestTooLarge');
    let raw: unknown;
    try {
      raw = JSON.parse(body.toString('utf8'));
    } catch {
      return fail(400, 'errors.requestMalformed');
    }
    const item = parseOutboxItem(raw);
    if (!item) return fail(400, 'errors.requestMalformed');
    // The phone keeps each user's items apart; one sent under another user's session waits for its owner.
    if (item.userId !== undefined && item.userId !== String(viewer.userId)) return fail(401, 'errors.otherUser');

    const action = ACTIONS[item.kind];
    // The action refuses (and audits) a missing permission itself; the status tells the phone not to retry.
    const state = await action({ ok: false }, item.input);
    const status = can(viewer.role, action.permission) ? 200 : 403;
    return Response.json(state, { status, headers: { 'Cache-Control': 'no-store' } });
  },
);
