// The roster import template (.xlsx): header, one example row, the explanation, the user's villages.

import { attachmentHeader, XLSX_TYPE } from '@/lib/http';
import { rosterTemplate } from '@/lib/roster/data';
import { route } from '@/lib/route';

export const dynamic = 'force-dynamic';

export const GET = route({ name: 'roster.template', permission: 'household.import' }, async (_request, { viewer }) => {
  const result = await rosterTemplate(viewer);
  return new Response(new Uint8Array(result.buffer), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachmentHeader(result.fileName, result.asciiFileName),
      'Cache-Control': 'private, no-store',
    },
  });
});
