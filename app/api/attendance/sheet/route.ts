// The monthly attendance sheet (考勤表) of a team: GET /api/attendance/sheet?team=<id>&month=YYYY-MM
import { NextResponse, type NextRequest } from 'next/server';
import { getViewer } from '@/lib/auth/data';
import { currentLocale } from '@/lib/i18n/request';
import { translateKey } from '@/lib/i18n/messages';
import { attendanceSheet } from '@/lib/attendance/data';
import { MONTH_PATTERN } from '@/lib/attendance/schema';
import { attachmentHeader, XLSX_TYPE } from '@/lib/http';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const [viewer, locale] = await Promise.all([getViewer(), currentLocale()]);
  if (!viewer) return NextResponse.redirect(new URL('/login', request.url), 303);
  const team = request.nextUrl.searchParams.get('team') ?? '';
  const month = request.nextUrl.searchParams.get('month') ?? '';
  const sheet = /^\d+$/.test(team) && MONTH_PATTERN.test(month) ? await attendanceSheet(viewer, Number(team), month, locale) : null;
  if (!sheet) return new Response(translateKey(locale, 'errors.notFound'), { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(sheet.buffer), {
    headers: { 'Content-Type': XLSX_TYPE, 'Content-Disposition': attachmentHeader(sheet.fileName, sheet.asciiFileName), 'Cache-Control': 'private, no-store' },
  });
}
