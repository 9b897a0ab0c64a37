// Streams an area's roster as .xlsx: GET /api/roster/export?area=<code inside the user's area>.
import { PassThrough, Readable } from 'node:stream';
import { NextResponse, type NextRequest } from 'next/server';
import { getViewer } from '@/lib/auth/data';
import { currentLocale } from '@/lib/i18n/request';
import { prepareRosterExport } from '@/lib/roster/data';
import { attachmentHeader, XLSX_TYPE } from '@/lib/http';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const [viewer, locale] = await Promise.all([getViewer(), currentLocale()]);
  if (!viewer) return NextResponse.redirect(new URL('/login', request.url), 303);
  const prepared = await prepareRosterExport(viewer, request.nextUrl.searchParams.get('area'), { locale });
  if (!prepared.ok) return new Response(prepared.message, { status: prepared.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

  const body = new PassThrough();
  // The workbook is written while it is sent; exceljs ends `body` when the file is complete.
  prepared.write(body, request.signal).catch((error) => body.destroy(error instanceof Error ? error : new Error(String(error))));
  return new Response(Readable.toWeb(body) as unknown as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachmentHeader(prepared.fileName, prepared.asciiFileName),
      'Cache-Control': 'private, no-store',
    },
  });
}
