// Small HTTP pieces the route handlers share (downloads, same-origin POSTs, bounded bodies). Pure.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 / RFC 5987: an ASCII fallback name, and the real (Chinese) name as UTF-8. */
export function attachmentHeader(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Refuses cross-site POSTs: the session cookie would ride along on a form posted from another site.
 * Browsers send Sec-Fetch-Site and Origin on every POST; a request without either is not a
 * browser's and carries no session.
 */
export function isSameOrigin(headers: Headers, requestUrl: string): boolean {
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = headers.get('origin');
  if (!origin) return true;
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? new URL(requestUrl).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Reads a request body up to `limit` + 1 bytes: enough to tell that it is too large without holding all of it. */
export async function readBodyLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      break;
    }
  }
  return Buffer.concat(chunks);
}

export const NDJSON_HEADERS = {
  'Content-Type': 'application/x-ndjson; charset=utf-8',
  // no-transform: no compression layer may hold the progress lines back.
  'Cache-Control': 'no-store, no-transform',
  'X-Accel-Buffering': 'no',
};

/**
 * Where to send the user back to: a path on this site, or '/'. Browsers read '\' as '/' and drop tabs
 * and newlines, so '/\evil.example' or '/<tab>/evil.example' would leave the site: such paths are
 * refused outright, and what is left must resolve to this very origin.
 */
export function sameOriginPath(next: string | null | undefined, origin: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters in a path are refused on purpose
  if (!next?.startsWith('/') || /[\\\x00-\x1f\x7f]/.test(next)) return '/';
  try {
    const base = new URL(origin);
    const target = new URL(next, base);
    if (target.origin !== base.origin) return '/';
    const path = `${target.pathname}${target.search}${target.hash}`;
    return path.startsWith('//') ? '/' : path; // '/.//evil.example' normalises to '//evil.example': another host
  } catch {
    return '/';
  }
}

/** A record id from a URL: digits only and within PostgreSQL's integer (int4), else null (the page or route answers 404). */
export const MAX_ID = 2_147_483_647;
export function parseId(text: string | null | undefined): number | null {
  if (!text || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ID ? id : null;
}

/** A list's page number from a URL: 1 to 100,000, anything else is the first page (never an offset the database cannot take). */
export function parsePage(text: string | null | undefined): number {
  return text && /^[1-9]\d{0,5}$/.test(text) ? Math.min(Number(text), 100_000) : 1;
}
