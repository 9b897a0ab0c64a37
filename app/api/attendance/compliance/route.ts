// The compliance list of an area and year as .xlsx: GET /api/attendance/compliance?area=<code>&year=YYYY&status=<filter>
import { exportCompliance } from '@/lib/attendance/commands';
import { COMPLIANCE_FILTERS } from '@/lib/attendance/data';
import { attachmentHeader, XLSX_TYPE } from '@/lib/http';
import { route } from '@/lib/route';
import { chinaYear } from '@/lib/time';

export const dynamic = 'force-dynamic';

export const GET = route(
  { name: 'attendance.exportCompliance', permission: 'team.view' },
  async (request, { viewer, locale, fail }) => {
    const params = request.nextUrl.searchParams;
    const thisYear = chinaYear();
    const yearText = params.get('year');
    const year = yearText === null ? thisYear : Number(yearText);
    if (!Number.isInteger(year) || year < 2000 || year > thisYear) return fail(404, 'errors.notFound');
    // As the page: everyone with status=all, else a filter, by default those short.
    const statusText = params.get('status');
    const status = statusText === 'all' ? undefined : (COMPLIANCE_FILTERS.find((f) => f === statusText) ?? 'SHORT');
    // An area outside the viewer's is ignored, as on the page: the list is of their own area.
    const file = await exportCompliance(viewer, { area: params.get('area') ?? undefined, year, status }, locale);
    return new Response(new Uint8Array(file.buffer), {
      headers: {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': attachmentHeader(file.fileName, file.asciiFileName),
        'Cache-Control': 'private, no-store',
      },
    });
  },
);
