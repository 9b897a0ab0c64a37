'use client';
import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { isPending, listItems, type OutboxItem, onOutboxChange, putItem } from '@/lib/offline/outbox';
import { flushOutbox } from '@/lib/offline/sync';

/**
 * What the forms need: who is signed in and how to queue and send. Its value never changes after the first
 * render. A context value that changed while the page hydrates (the outbox read from IndexedDB on load) would
 * make React client-render every streamed part of the page that had not hydrated yet, and for a moment the
 * streamed copy and the client copy would both be in the page.
 */
type Outbox = {
  userId: string;
  /** Puts an item in the outbox and tries to send it at once; resolves with the item as it then stands. */
  enqueue: (item: OutboxItem) => Promise<OutboxItem | undefined>;
  /** Sends what waits (a tap on "send now", or the signal coming back). */
  flush: () => Promise<void>;
  items: ItemsStore;
};

/** The outbox's items as last read, for the few components that show them (badge, list, sign-out). */
type ItemsStore = {
  subscribe: (listener: () => void) => () => void;
  get: () => OutboxItem[];
  reload: () => Promise<void>;
};

const NO_ITEMS: OutboxItem[] = [];

function itemsStore(userId: string): ItemsStore {
  let items = NO_ITEMS;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => items,
    async reload() {
      let next: OutboxItem[];
      try {
        next = await listItems(userId);
      } catch {
        next = NO_ITEMS; // IndexedDB refused (private mode on some phones): the forms still send directly
      }
      if (next.length === 0 && items.length === 0) return; // nothing to tell anyone
      items = next.length === 0 ? NO_ITEMS : next;
      for (const listener of listeners) listener();
    },
  };
}

const OutboxContext = createContext<Outbox | null>(null);

/** The outbox of the signed-in user, or null outside the app's pages (the sign-in page). */
export function useOutbox(): Outbox | null {
  return useContext(OutboxContext);
}

/** The items of the outbox and how many still wait to be sent or corrected. */
export function useOutboxItems(): { items: OutboxItem[]; pendingCount: number } {
  const store = useContext(OutboxContext)?.items;
  const items = useSyncExternalStore(store?.subscribe ?? noSubscription, store?.get ?? noItems, noItems);
  return { items, pendingCount: items.filter(isPending).length };
}

const noSubscription = () => () => {};
const noItems = () => NO_ITEMS;

const RETRY_EVERY_MS = 60_000;

/** Asks the service worker to send when the signal returns even if the page is closed (Chromium's Background Sync). */
async function askForBackgroundSync() {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = (
      registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined
    )?.sync;
    await sync?.register('outbox');
  } catch {
    // No worker (plain http) or no Background Sync: the page's own triggers below still send.
  }
}

/**
 * Keeps the outbox going for the signed-in user: sends when the page opens, when the signal comes back,
 * when the page is looked at again, every minute while anything waits, and on a tap.
 */
export function OutboxProvider({ userId, children }: { userId: string; children: React.ReactNode }) {
  const router = useRouter();
  const routerRef = useRef(router);
  routerRef.current = router;
  const items = useMemo(() => itemsStore(userId), [userId]);

  const value = useMemo<Outbox>(() => {
    const flush = async () => {
      try {
        const summary = await flushOutbox(userId);
        if (summary.stored > 0) routerRef.current.refresh(); // the pages show what the server now has
      } catch {
        // IndexedDB unavailable: nothing was queued either
      }
      await items.reload();
    };
    const enqueue = async (item: OutboxItem) => {
      await putItem(item);
      await items.reload();
      void askForBackgroundSync();
      if (navigator.onLine !== false) await flush();
      return (await listItems(userId)).find((i) => i.clientKey === item.clientKey);
    };
    return { userId, enqueue, flush, items };
  }, [userId, items]);

  useEffect(() => {
    const { flush } = value;
    void flush();
    const stop = onOutboxChange(() => void items.reload());
    const onVisible = () => document.visibilityState === 'visible' && void flush();
    // Every minute while anything waits; a flush with nothing queued reads IndexedDB only.
    const timer = setInterval(() => {
      if (items.get().some((item) => item.state === 'waiting')) void flush();
    }, RETRY_EVERY_MS);
    window.addEventListener('online', flush);
    window.addEventListener('focus', flush);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stop();
      clearInterval(timer);
      window.removeEventListener('online', flush);
      window.removeEventListener('focus', flush);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [value, items]);

  return <OutboxContext.Provider value={value}>{children}</OutboxContext.Provider>;
}
