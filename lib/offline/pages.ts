// Which pages open without signal once visited (the service worker keeps them), and how many it keeps.

/** At most this many pages are kept (a cadre's households are a handful; a team leader's village a few hundred). */
export const MAX_PAGES = 200;

/** The pages a team leader or cadre works in, in the village. */
export const FIELD_PAGES: readonly RegExp[] = [
  /^\/$/,
  /^\/attendance$/,
  /^\/my-households$/,
  /^\/households\/\d+$/,
  /^\/visits\/new$/,
  /^\/problems$/,
  /^\/problems\/\d+$/,
  /^\/teams\/\d+\/attendance$/,
  /^\/outbox$/,
];

export const isFieldPage = (pathname: string) => FIELD_PAGES.some((pattern) => pattern.test(pathname));

/** Bumped when what the worker caches changes shape; older caches are dropped on activation. */
const VERSION = 'v1';
export const STATIC_CACHE = `static-${VERSION}`;
export const PAGES_CACHE = `pages-${VERSION}`;
export const META_CACHE = `meta-${VERSION}`;
/** Where the worker notes whose pages it keeps. */
export const USER_ENTRY = '/__user';

/**
 * Empties the kept pages and forgets whose they were: at sign-out and on the sign-in page (another user may
 * sign in on the same phone). Works from a page without the worker's help; nothing to do where there is no
 * Cache API (plain http).
 */
export async function clearKeptPages(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(PAGES_CACHE);
  await (await caches.open(META_CACHE)).delete(USER_ENTRY);
}

/** Messages from the pages to the worker: who is signed in (with the build files the page loaded), a sign-out, "send now". */
export type WorkerMessage =
  | { type: 'user'; userId: string; assets: string[]; url: string }
  | { type: 'signedOut' }
  | { type: 'flush' };
