// The monthly attendance sheet (考勤表) of a team: GET /api/attendance/sheet?team=<id>&month=YYYY-MM
import { exportAttendanceSheet } from '@/lib/attendance/commands';
import { MONTH_PATTERN } from '@/lib/attendance/schema';
import { attachmentHeader, parseId, XLSX_TYPE } from '@/lib/http';
import { route } from '@/lib/route';

export const dynamic = 'force-dynamic';

export const GET = route(
  { name: 'attendance.exportSheet', permission: 'attendance.export' },
  async (request, { viewer, locale, fail }) => {
    const team = parseId(request.nextUrl.searchParams.get('team'));
    const month = request.nextUrl.searchParams.get('month') ?? '';
    if (team === null || !MONTH_PATTERN.test(month)) return fail(404, 'errors.notFound');
    // A team outside the viewer's area is "not found" (404), audited by route().
    const sheet = await exportAttendanceSheet(viewer, team, month, locale);
    return new Response(new Uint8Array(sheet.buffer), {
      headers: {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': attachmentHeader(sheet.fileName, sheet.asciiFileName),
        'Cache-Control': 'private, no-store',
      },
    });
  },
);
