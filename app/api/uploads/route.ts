// A photo for a visit or a problem step: POST the image as the body; answers {"key": "..."} for the
// form to send with the visit. The form claims it; an unclaimed upload stays the uploader's only.
import type { NextRequest } from 'next/server';
import { getViewer } from '@/lib/auth/data';
import { currentLocale } from '@/lib/i18n/request';
import { translateKey } from '@/lib/i18n/messages';
import { isSameOrigin, readBodyLimited } from '@/lib/http';
import { MAX_PHOTO_BYTES } from '@/lib/storage';
import { savePhoto } from '@/lib/visits/data';

export const dynamic = 'force-dynamic';

export async function POST(request: NextRequest) {
  const locale = await currentLocale();
  const fail = (status: number, key: string) => Response.json({ ok: false, message: translateKey(locale, key) }, { status });
  if (!isSameOrigin(request.headers, request.url)) return fail(403, 'errors.forbidden');
  const declared = Number(request.headers.get('content-length') ?? 0) || 0;
  if (declared > MAX_PHOTO_BYTES) return fail(413, 'visits.photoTooLarge');
  const body = await readBodyLimited(request.body, MAX_PHOTO_BYTES);
  const result = await savePhoto(await getViewer(), new Uint8Array(body));
  if (!result.ok) return fail(result.status, result.message);
  return Response.json({ ok: true, key: result.key });
}
