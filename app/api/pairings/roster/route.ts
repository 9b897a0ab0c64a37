// The pairing roster (结对帮扶花名册) of an area: GET /api/pairings/roster?area=<code>
import { attachmentHeader, XLSX_TYPE } from '@/lib/http';
import { exportPairingRoster } from '@/lib/pairings/commands';
import { route } from '@/lib/route';

export const dynamic = 'force-dynamic';

export const GET = route(
  { name: 'pairing.exportRoster', permission: 'pairing.export' },
  async (request, { viewer, locale }) => {
    // An area outside the viewer's is ignored: the roster is of their own area.
    const file = await exportPairingRoster(viewer, request.nextUrl.searchParams.get('area') ?? undefined, locale);
    return new Response(new Uint8Array(file.buffer), {
      headers: {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': attachmentHeader(file.fileName, file.asciiFileName),
        'Cache-Control': 'private, no-store',
      },
    });
  },
);
