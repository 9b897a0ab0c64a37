// The pairing roster (结对帮扶花名册) of an area: GET /api/pairings/roster?area=<code>

import { attachmentHeader, XLSX_TYPE } from '@/lib/http';
import { pairingRosterFile } from '@/lib/pairings/data';
import { route } from '@/lib/route';

export const dynamic = 'force-dynamic';

export const GET = route(
  { name: 'pairing.exportRoster', permission: 'pairing.export' },
  async (request, { viewer, locale, fail }) => {
    const file = await pairingRosterFile(viewer, request.nextUrl.searchParams.get('area') ?? undefined, locale);
    if (!file) return fail(403, 'errors.forbidden');
    return new Response(new Uint8Array(file.buffer), {
      headers: {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': attachmentHeader(file.fileName, file.asciiFileName),
        'Cache-Control': 'private, no-store',
      },
    });
  },
);
