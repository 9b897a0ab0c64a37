// The outbox: what a phone has entered and the server has not stored yet, kept in IndexedDB so a reload,
// a closed tab or hours without signal lose nothing. Runs in pages and in the service worker (no DOM here).
// IndexedDB is there on plain-http intranet addresses too, where a service worker is not.

export const OUTBOX_KINDS = ['checkin', 'visit', 'days', 'problemStep', 'projectStep'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export type OutboxState = 'waiting' | 'sending' | 'stored' | 'refused';

export type OutboxItem = {
  /** Made on the phone before the first try: however often the item is sent, the server stores it once. */
  clientKey: string;
  /** The signed-in user who entered it; only that user's session sends it, and only that user sees it. */
  userId: string;
  kind: OutboxKind;
  /** What the list shows: "走访 张三户", "打卡 12月5日 08:12". */
  label: string;
  /** Where the entry was made, to open it again. */
  href: string;
  /** The action's input, as the form would have sent it. */
  payload: Record<string, unknown>;
  /** Photos (already resized on the phone), uploaded before the item itself. */
  photos: Blob[];
  /** Keys of the photos uploaded so far, in order: a retry uploads only the rest. */
  photoKeys: string[];
  state: OutboxState;
  /** The server's reason for a refusal, and its field errors by field name. */
  reason?: string;
  fieldErrors?: Record<string, string[]>;
  /** What the server answered with a stored item (the check-in's location verdict). */
  data?: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  attempts: number;
};

const DB_NAME = 'bangfu-outbox';
const STORE = 'items';
/** Stored items stay a day in the list as a receipt, then go. */
export const STORED_KEPT_MS = 24 * 60 * 60 * 1000;

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: 'clientKey' });
      store.createIndex('userId', 'userId');
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error);
    };
  });
  return opening;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await open()).transaction(STORE, mode).objectStore(STORE);
}

/** Tells every page of this origin (and the service worker) that the outbox changed. */
function announce(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel('outbox');
  channel.postMessage('changed');
  channel.close();
}

/** Listens to changes from any page or the worker; returns the unsubscribe. */
export function onOutboxChange(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel('outbox');
  channel.onmessage = listener;
  return () => channel.close();
}

export async function putItem(item: OutboxItem): Promise<void> {
  await done((await store('readwrite')).put(item));
  announce();
}

export async function getItem(clientKey: string): Promise<OutboxItem | undefined> {
  return done((await store('readonly')).get(clientKey) as IDBRequest<OutboxItem | undefined>);
}

export async function updateItem(clientKey: string, patch: Partial<OutboxItem>): Promise<OutboxItem | undefined> {
  const current = await getItem(clientKey);
  if (!current) return undefined;
  const next = { ...current, ...patch, updatedAt: Date.now() };
  await putItem(next);
  return next;
}

export async function deleteItem(clientKey: string): Promise<void> {
  await done((await store('readwrite')).delete(clientKey));
  announce();
}

/** The user's items, oldest first; stored receipts older than a day are dropped on the way. */
export async function listItems(userId: string): Promise<OutboxItem[]> {
  const all = await done(
    (await store('readonly')).index('userId').getAll(IDBKeyRange.only(userId)) as IDBRequest<OutboxItem[]>,
  );
  const expired = all.filter((item) => item.state === 'stored' && Date.now() - item.updatedAt > STORED_KEPT_MS);
  for (const item of expired) await done((await store('readwrite')).delete(item.clientKey));
  return all.filter((item) => !expired.includes(item)).sort((a, b) => a.createdAt - b.createdAt);
}

/** Items still to send or to correct: what the badge counts. */
export const isPending = (item: OutboxItem) => item.state !== 'stored';

/** Removes every item of the user (sign-out after the user has confirmed, or a refused item given up). */
export async function clearUser(userId: string): Promise<void> {
  for (const item of await listItems(userId)) await done((await store('readwrite')).delete(item.clientKey));
  announce();
}

/** A v4 UUID from getRandomValues: randomUUID exists only on https pages, and county servers often run on plain http. */
export function newClientKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newItem(
  fields: Pick<OutboxItem, 'userId' | 'kind' | 'label' | 'href' | 'payload'> &
    Partial<Pick<OutboxItem, 'clientKey' | 'photos'>>,
): OutboxItem {
  const now = Date.now();
  return {
    clientKey: fields.clientKey ?? newClientKey(),
    photos: [],
    photoKeys: [],
    state: 'waiting',
    createdAt: now,
    updatedAt: now,
    attempts: 0,
    ...fields,
  };
}
