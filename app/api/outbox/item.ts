// What the outbox sends to POST /api/outbox, checked before the item reaches its action: the kind, the
// phone's key (a UUID), the user who entered it, and the action's input. Pure.
import { z } from 'zod';
import { clientKey } from '@/lib/validation';

export const OUTBOX_KINDS = ['checkin', 'visit', 'days', 'problemStep', 'projectStep'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** The largest item: a visit with 20 problems of 1,000 characters and its texts, with room to spare. */
export const OUTBOX_MAX_BYTES = 256 * 1024;

/** The kinds whose action stores the key (a check-in is one per day and night by itself). */
const KEYED: readonly OutboxKind[] = ['visit', 'days', 'problemStep', 'projectStep'];

const itemSchema = z.strictObject({
  kind: z.enum(OUTBOX_KINDS),
  clientKey,
  userId: z.union([z.string().regex(/^\d{1,10}$/), z.number().int().positive()]).optional(),
  payload: z.record(z.string(), z.unknown()),
});

export type OutboxRequest = {
  kind: OutboxKind;
  clientKey: string;
  userId?: string;
  /** The action's input: the payload, with the item's key for the kinds that store one. */
  input: Record<string, unknown>;
};

/** The item, or null when the body is not one (400): unknown kind, a key that is not a UUID, a payload
 *  that is not an object, or a payload naming a different key than the item. */
export function parseOutboxItem(raw: unknown): OutboxRequest | null {
  const parsed = itemSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { kind, clientKey: key, userId, payload } = parsed.data;
  const input: Record<string, unknown> = { ...payload };
  if (KEYED.includes(kind)) {
    const named = payload.clientKey;
    if (named !== undefined && (typeof named !== 'string' || named.trim().toLowerCase() !== key)) return null;
    input.clientKey = key;
  }
  return { kind, clientKey: key, userId: userId === undefined ? undefined : String(userId), input };
}
