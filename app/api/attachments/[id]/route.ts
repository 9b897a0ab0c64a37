// A stored photo, for those who may see the visit, problem or project it belongs to.
import { found } from '@/lib/errors';
import { parseId } from '@/lib/http';
import { route } from '@/lib/route';
import { readAttachment } from '@/lib/visits/data';

export const dynamic = 'force-dynamic';

export const GET = route<{ id: string }>(
  { name: 'attachment.read', permission: ['visit.view', 'problem.view', 'project.view'] },
  async (_request, { viewer, params }) => {
    const file = await readAttachment(viewer, found(parseId(params.id))); // 404 when missing or not the viewer's
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'Content-Type': file.contentType,
        'Cache-Control': 'private, max-age=86400',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  },
);
