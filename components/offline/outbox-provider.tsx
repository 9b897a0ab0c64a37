'use client';
import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { isPending, listItems, type OutboxItem, onOutboxChange, putItem } from '@/lib/offline/outbox';
import { flushOutbox } from '@/lib/offline/sync';

type Outbox = {
  userId: string;
  items: OutboxItem[];
  /** Items still to send or to correct. */
  pendingCount: number;
  /** Puts an item in the outbox and tries to send it at once; resolves with the item as it then stands. */
  enqueue: (item: OutboxItem) => Promise<OutboxItem | undefined>;
  /** Sends what waits (a tap on "send now", or the signal coming back). */
  flush: () => Promise<void>;
};

const OutboxContext = createContext<Outbox | null>(null);

/** The outbox of the signed-in user, or null outside the app's pages (the sign-in page). */
export function useOutbox(): Outbox | null {
  return useContext(OutboxContext);
}

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
  const [items, setItems] = useState<OutboxItem[]>([]);

  const reload = useCallback(async () => {
    try {
      setItems(await listItems(userId));
    } catch {
      setItems([]); // IndexedDB refused (private mode on some phones): the forms still send directly
    }
  }, [userId]);

  const flush = useCallback(async () => {
    try {
      const summary = await flushOutbox(userId);
      if (summary.stored > 0) router.refresh(); // the pages show what the server now has
    } catch {
      // IndexedDB unavailable: nothing was queued either
    }
    await reload();
  }, [userId, reload, router]);

  const enqueue = useCallback(
    async (item: OutboxItem) => {
      await putItem(item);
      await reload();
      void askForBackgroundSync();
      if (navigator.onLine !== false) await flush();
      return (await listItems(userId)).find((i) => i.clientKey === item.clientKey);
    },
    [userId, reload, flush],
  );

  useEffect(() => {
    void flush();
    const stop = onOutboxChange(() => void reload());
    const onVisible = () => document.visibilityState === 'visible' && void flush();
    window.addEventListener('online', flush);
    window.addEventListener('focus', flush);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stop();
      window.removeEventListener('online', flush);
      window.removeEventListener('focus', flush);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [flush, reload]);

  const pendingCount = items.filter(isPending).length;
  const waiting = items.some((item) => item.state === 'waiting');
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void flush(), RETRY_EVERY_MS);
    return () => clearInterval(timer);
  }, [waiting, flush]);

  const value = useMemo(
    () => ({ userId, items, pendingCount, enqueue, flush }),
    [userId, items, pendingCount, enqueue, flush],
  );
  return <OutboxContext.Provider value={value}>{children}</OutboxContext.Provider>;
}
