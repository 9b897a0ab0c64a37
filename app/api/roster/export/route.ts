// Streams an area's roster as .xlsx: GET /api/roster/export?area=<code inside the user's area>.
import { PassThrough, Readable } from 'node:stream';
import { attachmentHeader, XLSX_TYPE } from '@/lib/http';
import { prepareRosterExport } from '@/lib/roster/data';
import { route } from '@/lib/route';

export const dynamic = 'force-dynamic';

export const GET = route(
  { name: 'roster.export', permission: 'household.export' },
  async (request, { viewer, requestId }) => {
    // An area outside the user's is "not found" (404), audited by route().
    const prepared = await prepareRosterExport(viewer, request.nextUrl.searchParams.get('area'), { requestId });

    const body = new PassThrough();
    // The workbook is written while it is sent; exceljs ends `body` when the file is complete.
    prepared
      .write(body, request.signal)
      .catch((error) => body.destroy(error instanceof Error ? error : new Error(String(error))));
    return new Response(Readable.toWeb(body) as unknown as ReadableStream<Uint8Array>, {
      headers: {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': attachmentHeader(prepared.fileName, prepared.asciiFileName),
        'Cache-Control': 'private, no-store',
      },
    });
  },
);
