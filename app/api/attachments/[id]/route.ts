// A stored photo, for those who may see the visit or problem it belongs to.
import { parseId } from '@/lib/http';
import { route } from '@/lib/route';
import { readAttachment } from '@/lib/visits/data';

export const dynamic = 'force-dynamic';

export const GET = route<{ id: string }>(
  { name: 'attachment.read', permission: ['visit.view', 'problem.view'] },
  async (_request, { viewer, params, fail }) => {
    const id = parseId(params.id);
    const file = id === null ? null : await readAttachment(viewer, id);
    if (!file) return fail(404, 'errors.notFound');
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'Content-Type': file.contentType,
        'Cache-Control': 'private, max-age=86400',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  },
);
