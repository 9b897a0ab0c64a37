// The rectification ledger (整改台账) of an area: GET /api/problems/ledger?area=&status=&category=&urgency=&source=&overdue=1&year=
// The same filters as the /problems page, so what is exported is what was on screen.
import { attachmentHeader, XLSX_TYPE } from '@/lib/http';
import { exportRectificationLedger } from '@/lib/problems/commands';
import { type FilterQuery, parseFilters } from '@/lib/problems/filters';
import { route } from '@/lib/route';
import { chinaYear } from '@/lib/time';

export const dynamic = 'force-dynamic';

export const GET = route(
  { name: 'problem.exportLedger', permission: 'problem.export' },
  async (request, { viewer, locale, requestId }) => {
    const query = Object.fromEntries(request.nextUrl.searchParams.entries()) as FilterQuery;
    const filters = { ...parseFilters(query, chinaYear()), page: undefined };
    const file = await exportRectificationLedger(viewer, filters, locale, requestId);
    return new Response(new Uint8Array(file.buffer), {
      headers: {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': attachmentHeader(file.fileName, file.asciiFileName),
        'Cache-Control': 'private, no-store',
      },
    });
  },
);
