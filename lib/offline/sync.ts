// Sends the outbox: photos first (each once), then the item to /api/outbox with the key the phone made,
// one item at a time, oldest first. Runs in pages and in the service worker (fetch and IndexedDB only).
import { listItems, type OutboxItem, updateItem } from './outbox';

/** How one attempt ended. `offline` and `signedOut` stop the round: the rest would fail the same way. */
export type SendResult = 'stored' | 'refused' | 'offline' | 'signedOut' | 'failed';

type Answer = {
  ok?: boolean;
  key?: string;
  message?: string;
  formError?: string;
  fieldErrors?: Record<string, string[]>;
  data?: Record<string, string>;
};

/** A request on a weak signal can hang for minutes; after this it counts as "no answer" and the item waits. */
const REQUEST_TIMEOUT_MS = 120_000;
const timeout = () => (typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(REQUEST_TIMEOUT_MS) : undefined);

/** An item left "sending" by a closed tab or a killed worker is sent again after this long. */
const SENDING_STALE_MS = 2 * 60 * 1000;

async function readAnswer(response: Response): Promise<Answer> {
  try {
    return (await response.json()) as Answer;
  } catch {
    return {};
  }
}

/** The refusal as one line for the list, the field errors kept apart for the form that corrects it. */
function refusal(answer: Answer): Pick<OutboxItem, 'reason' | 'fieldErrors'> {
  const fieldText = Object.values(answer.fieldErrors ?? {}).flat();
  return {
    reason: [answer.formError, ...fieldText].filter(Boolean).join('；') || undefined,
    fieldErrors: answer.fieldErrors,
  };
}

/** 401: the session ended; the item waits for the next sign-in of the same user. 5xx: the server's trouble, try later. */
async function afterHttpFailure(item: OutboxItem, response: Response): Promise<SendResult> {
  if (response.status === 401) {
    await updateItem(item.clientKey, { state: 'waiting' });
    return 'signedOut';
  }
  if (response.status >= 500) {
    await updateItem(item.clientKey, { state: 'waiting' });
    return 'failed';
  }
  // 400, 403, 404, 409, 413: sending it again will not change the answer; the user decides.
  await updateItem(item.clientKey, { state: 'refused', ...refusal(await readAnswer(response)) });
  return 'refused';
}

export async function sendItem(item: OutboxItem): Promise<SendResult> {
  await updateItem(item.clientKey, { state: 'sending', attempts: item.attempts + 1, reason: undefined });
  try {
    const keys = [...item.photoKeys];
    for (const photo of item.photos.slice(keys.length)) {
      const response = await fetch('/api/uploads', {
        method: 'POST',
        body: photo,
        headers: { 'content-type': photo.type || 'image/jpeg' },
        credentials: 'same-origin',
        signal: timeout(),
      });
      if (!response.ok) return afterHttpFailure(item, response);
      const answer = await readAnswer(response);
      if (!answer.key) return afterHttpFailure(item, response);
      keys.push(answer.key);
      await updateItem(item.clientKey, { photoKeys: keys });
    }
    const payload = item.photos.length > 0 ? { ...item.payload, photoKeys: keys.join(',') } : item.payload;
    const response = await fetch('/api/outbox', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      signal: timeout(),
      body: JSON.stringify({ kind: item.kind, clientKey: item.clientKey, userId: item.userId, payload }),
    });
    if (!response.ok) return afterHttpFailure(item, response);
    const answer = await readAnswer(response);
    if (answer.ok) {
      // Stored: the photos' bytes are on the server now; the receipt keeps only their keys.
      await updateItem(item.clientKey, {
        state: 'stored',
        photos: [],
        reason: answer.message,
        fieldErrors: undefined,
        data: answer.data,
      });
      return 'stored';
    }
    await updateItem(item.clientKey, { state: 'refused', ...refusal(answer) });
    return 'refused';
  } catch {
    // No answer (no signal, the connection dropped): nothing is known to be stored; the key makes a resend safe.
    await updateItem(item.clientKey, { state: 'waiting' });
    return 'offline';
  }
}

/**
 * Items to send now. "Sending" is left over from a page closed mid-send: under the lock nobody else can be
 * sending it, so it goes at once; without locks only after a while, in case another page still is.
 */
const ready = (item: OutboxItem, exclusive: boolean) =>
  item.state === 'waiting' ||
  (item.state === 'sending' && (exclusive || Date.now() - item.updatedAt > SENDING_STALE_MS));

let running: Promise<FlushSummary> | null = null;

export type FlushSummary = {
  stored: number;
  refused: number;
  waiting: number;
  /** Why the round ended early; `busy`: another page or the worker is sending. */
  stoppedBy?: SendResult | 'busy';
};

/**
 * Sends the user's waiting items in order until one cannot go (no signal, signed out, server trouble).
 * A round already running in this page or worker is joined, not doubled. Even a second sender (no Web Locks
 * on plain http) is harmless: the server stores each key once.
 */
export function flushOutbox(userId: string): Promise<FlushSummary> {
  running ??= (async () => {
    try {
      // One sender for all pages and the worker where the browser has Web Locks (https and localhost): the
      // others leave it to that one, whose progress they see through the outbox's change messages.
      const locks = (globalThis.navigator as Navigator | undefined)?.locks;
      if (!locks) return await sendRound(userId, false);
      const summary = await locks.request('bangfu-outbox-send', { ifAvailable: true }, (lock) =>
        lock ? sendRound(userId, true) : null,
      );
      return summary ?? { stored: 0, refused: 0, waiting: 0, stoppedBy: 'busy' as const };
    } finally {
      running = null;
    }
  })();
  return running;
}

async function sendRound(userId: string, exclusive: boolean): Promise<FlushSummary> {
  const summary: FlushSummary = { stored: 0, refused: 0, waiting: 0 };
  for (const item of (await listItems(userId)).filter((item) => ready(item, exclusive))) {
    const result = await sendItem(item);
    if (result === 'stored') summary.stored++;
    else if (result === 'refused') summary.refused++;
    else {
      summary.stoppedBy = result;
      break;
    }
  }
  summary.waiting = (await listItems(userId)).filter((item) => item.state === 'waiting').length;
  return summary;
}
