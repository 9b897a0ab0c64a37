// The project ledgers: GET /api/projects/{library|payments|assets}?area=&year=&stage=&kind=&funded=1&overdue=1&unaudited=1
// The same filters as the /projects pages, so what is exported is what was on screen.
import { found } from '@/lib/errors';
import { attachmentHeader, XLSX_TYPE } from '@/lib/http';
import { exportProjectLedger, type ProjectLedger } from '@/lib/projects/commands';
import { type ProjectQuery, parseProjectFilters } from '@/lib/projects/filters';
import { route } from '@/lib/route';
import { chinaYear } from '@/lib/time';

export const dynamic = 'force-dynamic';

const LEDGERS: readonly ProjectLedger[] = ['library', 'payments', 'assets'];

export const GET = route<{ ledger: string }>(
  { name: 'project.export', permission: 'project.export' },
  async (request, { viewer, locale, requestId, params }) => {
    const ledger = found(LEDGERS.find((l) => l === params.ledger));
    const query = Object.fromEntries(request.nextUrl.searchParams.entries()) as ProjectQuery;
    const file = await exportProjectLedger(viewer, ledger, parseProjectFilters(query, chinaYear()), locale, requestId);
    return new Response(new Uint8Array(file.buffer), {
      headers: {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': attachmentHeader(file.fileName, file.asciiFileName),
        'Cache-Control': 'private, no-store',
      },
    });
  },
);
