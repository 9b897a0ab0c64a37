// Where a sign-in goes afterwards: the page that sent the user to the login page, if it is one of ours.

/** The request header the proxy sets on every page request: its path and query. */
export const PAGE_PATH_HEADER = 'x-bangfu-page';

/**
 * A path of this site to return to after signing in, or null. Only a plain local path: not another host
 * ("//evil", "/\\evil"), not the login page itself, no control characters, not absurdly long.
 */
export function returnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2_000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a redirect must not carry them
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  if (value === '/' || /^\/(login|change-password)(\/|\?|$)/.test(value)) return null;
  return value;
}

/** The login page's address that returns to `path` afterwards. */
export function loginPathFor(path: string | null | undefined): string {
  const back = returnPath(path);
  return back ? `/login?next=${encodeURIComponent(back)}` : '/login';
}
