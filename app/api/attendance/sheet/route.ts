// The monthly attendance sheet (考勤表) of a team: GET /api/attendance/sheet?team=<id>&month=YYYY-MM
import { attendanceSheet } from '@/lib/attendance/data';
import { MONTH_PATTERN } from '@/lib/attendance/schema';
import { attachmentHeader, parseId, XLSX_TYPE } from '@/lib/http';
import { route } from '@/lib/route';

export const dynamic = 'force-dynamic';

export const GET = route(
  { name: 'attendance.exportSheet', permission: 'attendance.export' },
  async (request, { viewer, locale, fail }) => {
    const team = parseId(request.nextUrl.searchParams.get('team'));
    const month = request.nextUrl.searchParams.get('month') ?? '';
    const sheet =
      team !== null && MONTH_PATTERN.test(month) ? await attendanceSheet(viewer, team, month, locale) : null;
    if (!sheet) return fail(404, 'errors.notFound');
    return new Response(new Uint8Array(sheet.buffer), {
      headers: {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': attachmentHeader(sheet.fileName, sheet.asciiFileName),
        'Cache-Control': 'private, no-store',
      },
    });
  },
);
