// Roster import: POST the .xlsx or .csv file as the request body (its name in X-File-Name: it tells a .csv).
//   POST /api/roster/import                 checks the file and reports; writes nothing
//   POST /api/roster/import?confirm=<hash>  the same file again with the hash the check reported: imports
// The answer is NDJSON, one JSON object a line, sent as the work goes on:
//   {"type":"progress","phase":"read"|"check"|"write","done":n,"total":m}   (several)
//   {"type":"report","report":{…}}  or  {"type":"error","status":400,"message":"…"}   (last)
import type { NextRequest } from 'next/server';
import { NDJSON_HEADERS, readBodyLimited } from '@/lib/http';
import { MAX_FILE_BYTES } from '@/lib/roster/columns';
import { checkRoster, importRoster } from '@/lib/roster/commands';
import type { RosterProgress, RosterResult } from '@/lib/roster/data';
import { route } from '@/lib/route';

export const dynamic = 'force-dynamic';

const line = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value)}\n`);
const confirmOf = (request: NextRequest) => request.nextUrl.searchParams.get('confirm');

export const POST = route(
  {
    name: (request) => (confirmOf(request) === null ? 'roster.validate' : 'roster.import'),
    permission: 'household.import',
    answer: 'ndjson',
  },
  async (request, { viewer, locale, requestId, fail }) => {
    const confirm = confirmOf(request);
    if (confirm !== null && !/^[0-9a-f]{64}$/.test(confirm)) return fail(400, 'roster.file.changed');

    // Read at most one byte past the limit (nothing, if the declared size is over it already):
    // the data layer refuses, and audits, a file that is too large.
    const bytes = Number(request.headers.get('content-length') ?? 0) || 0;
    const file = bytes > MAX_FILE_BYTES ? Buffer.alloc(0) : await readBodyLimited(request.body, MAX_FILE_BYTES);
    let fileName = 'roster.xlsx';
    try {
      fileName = decodeURIComponent(request.headers.get('x-file-name') ?? fileName);
    } catch {
      // keep the default
    }

    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (value: unknown) => {
          try {
            controller.enqueue(line(value));
          } catch {
            // the browser went away; the work finishes (an import commits or not as a whole)
          }
        };
        let lastSent = 0;
        let lastPhase = '';
        const onProgress = (progress: RosterProgress) => {
          const now = Date.now();
          if (progress.phase === lastPhase && progress.done < progress.total && now - lastSent < 150) return;
          lastSent = now;
          lastPhase = progress.phase;
          send({ type: 'progress', ...progress });
        };
        const input = { file, fileName, bytes, locale, requestId, onProgress };
        const result: RosterResult = confirm
          ? await importRoster(viewer, { ...input, expectedHash: confirm })
          : await checkRoster(viewer, input);
        send(
          result.ok
            ? { type: 'report', report: result.report }
            : { type: 'error', status: result.status, message: result.message },
        );
        try {
          controller.close();
        } catch {
          // already closed by the browser
        }
      },
    });
    return new Response(stream, { headers: NDJSON_HEADERS });
  },
);
