// A stored photo, for those who may see the visit or problem it belongs to.
import { getViewer } from '@/lib/auth/data';
import { readAttachment } from '@/lib/visits/data';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const file = /^\d+$/.test(id) ? await readAttachment(await getViewer(), Number(id)) : null;
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.bytes), { headers: { 'Content-Type': file.contentType, 'Cache-Control': 'private, max-age=86400', 'X-Content-Type-Options': 'nosniff' } });
}
