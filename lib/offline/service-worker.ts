// The service worker (bundled to public/sw.js by scripts/build-sw.ts): the field pages open without signal once
// visited, other pages say plainly that they need the network, and Background Sync sends the outbox even with
// the page closed. Cached pages belong to the signed-in user only: the pages say who that is, and a sign-out or
// another user's sign-in empties the cache.
import { isFieldPage, MAX_PAGES, META_CACHE, PAGES_CACHE, STATIC_CACHE, USER_ENTRY, type WorkerMessage } from './pages';
import { flushOutbox } from './sync';

type WorkerEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = WorkerEvent & {
  request: Request;
  preloadResponse: Promise<unknown>;
  respondWith(response: Promise<Response>): void;
};
type SyncEvent = WorkerEvent & { tag: string };
type MessageEvent = WorkerEvent & { data: unknown };
type WorkerScope = {
  location: Location;
  navigator: { onLine: boolean };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  registration: { navigationPreload?: { enable(): Promise<void> } };
  addEventListener(type: 'install' | 'activate', listener: (event: WorkerEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};
const worker = self as unknown as WorkerScope;

const OFFLINE_PAGE = '/offline.html';
async function currentUser(): Promise<string | null> {
  const answer = await (await caches.open(META_CACHE)).match(USER_ENTRY);
  return answer ? answer.text() : null;
}

async function setUser(userId: string | null): Promise<void> {
  const meta = await caches.open(META_CACHE);
  if (userId === null) await meta.delete(USER_ENTRY);
  else await meta.put(USER_ENTRY, new Response(userId));
}

/** A different user (or none): nothing of the last one's pages stays. */
async function switchUser(userId: string | null): Promise<void> {
  if ((await currentUser()) === userId) return;
  await caches.delete(PAGES_CACHE);
  await setUser(userId);
}

async function keepPage(request: Request, response: Response): Promise<void> {
  const pages = await caches.open(PAGES_CACHE);
  await pages.delete(request.url); // re-added at the end: the oldest opened goes first
  await pages.put(request.url, response);
  const keys = await pages.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await pages.delete(old);
}

async function offlinePage(): Promise<Response> {
  return (
    (await (await caches.open(STATIC_CACHE)).match(OFFLINE_PAGE)) ??
    new Response('需要网络 / Network needed', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  );
}

/** Without signal: the copy of a field page kept for this user, else the page that says the network is needed. */
async function keptOrOffline(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const kept =
    isFieldPage(url.pathname) && (await currentUser())
      ? await (await caches.open(PAGES_CACHE)).match(request.url)
      : undefined;
  return kept ?? offlinePage();
}

/** A kept page younger than this is not fetched again when the user opens it. */
const FRESH_MS = 10 * 60 * 1000;

/**
 * Keeps a copy of a field page the user just opened. Fetched apart from the page's own load, which the worker
 * passes on untouched: copying it on the way would hold back its streamed parts.
 */
async function keepFieldPage(href: string): Promise<void> {
  const url = new URL(href, worker.location.origin);
  if (url.origin !== worker.location.origin || !isFieldPage(url.pathname) || !(await currentUser())) return;
  const pages = await caches.open(PAGES_CACHE);
  const kept = await pages.match(url.href);
  if (kept && Date.now() - Number(kept.headers.get('x-kept-at') ?? 0) < FRESH_MS) return;
  const response = await fetch(url.href, { credentials: 'same-origin', headers: { accept: 'text/html' } });
  if (!response.ok || response.redirected) return;
  const headers = new Headers(response.headers);
  headers.set('x-kept-at', String(Date.now()));
  await keepPage(new Request(url.href), new Response(await response.blob(), { status: 200, headers }));
}

/** Build files without signal: the copies kept when the pages that use them were opened. */
async function keptFile(request: Request): Promise<Response> {
  return (await (await caches.open(STATIC_CACHE)).match(request)) ?? Response.error();
}

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(STATIC_CACHE);
      await cache.addAll([OFFLINE_PAGE, '/manifest.webmanifest', '/icons/icon-192.png']);
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (![STATIC_CACHE, PAGES_CACHE, META_CACHE].includes(name)) await caches.delete(name);
      // The page's request starts while the worker wakes up, so passing it through costs no start-up time.
      await worker.registration.navigationPreload?.enable();
      await worker.clients.claim();
    })(),
  );
});

/**
 * A page's request just got nothing through although the phone says it has signal: its build files come from
 * the kept copies too, until a page's request gets through again. Lost when the browser stops the worker,
 * which is fine: the next page's request finds out again.
 */
let nothingGetsThrough = false;

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // API answers, downloads and RSC requests are never kept: they are per user and per moment.
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  const offline = worker.navigator.onLine === false;
  // Build files with signal go straight to the network: passing each through the worker delays the page's
  // scripts, and it comes alive later.
  if (url.pathname.startsWith('/_next/static/'))
    return offline || nothingGetsThrough ? event.respondWith(keptFile(request)) : undefined;
  if (request.mode !== 'navigate' || url.pathname.startsWith('/api/')) return;
  // Known to be without signal: the kept copy at once. Otherwise the network's answer, passed on as it streams
  // (never served from the cache first: that delayed React's streamed swaps); if nothing comes through, the kept
  // copy. A phone can report signal while nothing passes (a tower without backhaul, a captive network).
  if (offline) return event.respondWith(keptOrOffline(request));
  event.respondWith(
    (async () => {
      try {
        const response = ((await event.preloadResponse) as Response | undefined) ?? (await fetch(request));
        nothingGetsThrough = false;
        return response;
      } catch {
        nothingGetsThrough = true;
        return keptOrOffline(request);
      }
    })(),
  );
});

async function flushForCurrentUser(): Promise<void> {
  const userId = await currentUser();
  if (userId) await flushOutbox(userId);
}

worker.addEventListener('sync', (event) => {
  if (event.tag === 'outbox') event.waitUntil(flushForCurrentUser());
});

worker.addEventListener('message', (event) => {
  const message = event.data as WorkerMessage;
  if (message?.type === 'user') {
    event.waitUntil(
      (async () => {
        await switchUser(message.userId);
        await keepFieldPage(message.url).catch(() => {});
        // The build files this page loaded, for when there is no signal.
        const cache = await caches.open(STATIC_CACHE);
        for (const asset of message.assets.filter((a) => a.startsWith('/_next/static/')))
          if (!(await cache.match(asset))) await cache.add(asset).catch(() => {});
      })(),
    );
  } else if (message?.type === 'signedOut') event.waitUntil(switchUser(null));
  else if (message?.type === 'flush') event.waitUntil(flushForCurrentUser());
});
