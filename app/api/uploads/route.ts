// A photo for a visit or a problem step: POST the image as the body; answers {"ok": true, "key": "..."}
// for the form to send with the visit. The form claims it; an unclaimed upload stays the uploader's only.
import { readBodyLimited } from '@/lib/http';
import { route } from '@/lib/route';
import { MAX_PHOTO_BYTES } from '@/lib/storage';
import { savePhoto } from '@/lib/visits/commands';

export const dynamic = 'force-dynamic';

export const POST = route(
  { name: 'attachment.upload', permission: ['visit.create', 'problem.work'], answer: 'json' },
  async (request, { viewer, fail }) => {
    const declared = Number(request.headers.get('content-length') ?? 0) || 0;
    if (declared > MAX_PHOTO_BYTES) return fail(413, 'visits.photoTooLarge');
    const body = await readBodyLimited(request.body, MAX_PHOTO_BYTES);
    const result = await savePhoto(viewer, new Uint8Array(body));
    if (!result.ok) return fail(result.status, result.message, result.params);
    return Response.json({ ok: true, key: result.key });
  },
);
