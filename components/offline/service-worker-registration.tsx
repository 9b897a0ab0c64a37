'use client';
import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import type { WorkerMessage } from '@/lib/offline/pages';

/**
 * Registers the service worker where the browser allows one (https, or localhost) and tells it who is signed
 * in, with the build files this page loaded (the first page loads before the worker is there). On a plain-http
 * intranet address there is no worker: the outbox still keeps and sends everything, only pages do not open
 * without signal.
 */
export function ServiceWorkerRegistration({ userId }: { userId: string }) {
  // Every page the user opens (client navigations too): the worker keeps a copy of the field pages.
  const pathname = usePathname();
  useEffect(() => {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    const assets = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/_next/static/'));
    const message: WorkerMessage = { type: 'user', userId, assets, url: `${pathname}${window.location.search}` };
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active?.postMessage(message))
      .catch(() => {}); // no worker: the pages still work online, the outbox offline
  }, [userId, pathname]);
  return null;
}
