// The pairing roster (结对帮扶花名册) of an area: GET /api/pairings/roster?area=<code>
import { NextResponse, type NextRequest } from 'next/server';
import { getViewer } from '@/lib/auth/data';
import { currentLocale } from '@/lib/i18n/request';
import { translateKey } from '@/lib/i18n/messages';
import { pairingRosterFile } from '@/lib/pairings/data';
import { attachmentHeader, XLSX_TYPE } from '@/lib/http';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const [viewer, locale] = await Promise.all([getViewer(), currentLocale()]);
  if (!viewer) return NextResponse.redirect(new URL('/login', request.url), 303);
  const file = await pairingRosterFile(viewer, request.nextUrl.searchParams.get('area') ?? undefined, locale);
  if (!file) return new Response(translateKey(locale, 'errors.forbidden'), { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(file.buffer), {
    headers: { 'Content-Type': XLSX_TYPE, 'Content-Disposition': attachmentHeader(file.fileName, file.asciiFileName), 'Cache-Control': 'private, no-store' },
  });
}
