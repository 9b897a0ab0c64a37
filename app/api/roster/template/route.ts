// The roster import template (.xlsx): header, one example row, the explanation, the user's villages.
import { NextResponse, type NextRequest } from 'next/server';
import { getViewer } from '@/lib/auth/data';
import { currentLocale } from '@/lib/i18n/request';
import { rosterTemplate } from '@/lib/roster/data';
import { attachmentHeader, XLSX_TYPE } from '@/lib/http';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const [viewer, locale] = await Promise.all([getViewer(), currentLocale()]);
  if (!viewer) return NextResponse.redirect(new URL('/login', request.url), 303);
  const result = await rosterTemplate(viewer, { locale });
  if (!result.ok) return new Response(result.message, { status: result.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(result.buffer), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachmentHeader(result.fileName, result.asciiFileName),
      'Cache-Control': 'private, no-store',
    },
  });
}
