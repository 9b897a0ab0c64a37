// The rectification ledger (整改台账) of an area: GET /api/problems/ledger?area=&status=&category=&urgency=&source=&overdue=1&year=
// The same filters as the /problems page, so what is exported is what was on screen.

import { writeAuditNow } from '@/lib/audit/data';
import { attachmentHeader, XLSX_TYPE } from '@/lib/http';
import { rectificationRows } from '@/lib/problems/data';
import { type FilterQuery, filterParams, parseFilters } from '@/lib/problems/filters';
import { LEDGER_COLUMNS, type LedgerColumn, rectificationLedgerXlsx } from '@/lib/problems/sheet';
import { regionTrail } from '@/lib/regions/data';
import { route } from '@/lib/route';
import { chinaToday } from '@/lib/time';

export const dynamic = 'force-dynamic';

export const GET = route(
  { name: 'problem.exportLedger', permission: 'problem.export' },
  async (request, { viewer, t, fail, requestId }) => {
    const actor = { userId: viewer.userId, username: viewer.username, role: viewer.role };
    const today = chinaToday();
    const query = Object.fromEntries(request.nextUrl.searchParams.entries()) as FilterQuery;
    const filters = { ...parseFilters(query, Number(today.slice(0, 4))), page: undefined };
    const ledger = await rectificationRows(viewer, filters);
    if (!ledger) return fail(404, 'errors.notFound');

    const trail = await regionTrail(viewer, ledger.area);
    const areaName = trail.map((r) => r.name).join('') || viewer.scopeName;
    const title = t('problems.sheetTitle', { area: areaName });
    const label = (prefix: string, value: string) => t(`problems.${prefix}.${value}`);
    const buffer = await rectificationLedgerXlsx({
      title,
      subtitle: t('problems.exportedOn', { date: today }),
      headers: Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, t(`problems.sheetColumns.${c}`)])) as Record<
        LedgerColumn,
        string
      >,
      rows: ledger.rows.map((r) => ({
        township: r.township,
        village: r.village,
        household: r.household || t('problems.villageLevel'),
        category: label('categories', r.category),
        description: r.description,
        source: label('sources', r.source),
        urgency: label('urgencies', r.urgency),
        foundOn: r.foundOn,
        deadline: r.deadline,
        owner: label('owners', r.owner),
        measure: r.measure,
        explanation: r.explanation,
        status: label('statuses', r.status),
        solvedOn: r.solvedOn,
        struckOffOn: r.struckOffOn,
        overdue: r.overdue ? t('problems.yes') : t('problems.no'),
        isOverdue: r.overdue,
      })),
    });
    await writeAuditNow(actor, {
      action: 'problem.exportLedger',
      result: 'OK',
      entity: 'Problem',
      regionCode: ledger.area,
      changes: {
        filters: Object.fromEntries(Object.entries(filterParams(filters)).filter(([, v]) => v !== undefined)) as Record<
          string,
          string
        >,
        rows: ledger.rows.length,
      },
      requestId,
    });
    return new Response(new Uint8Array(buffer), {
      headers: {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': attachmentHeader(`${title}.xlsx`, `rectification-ledger-${ledger.area}-${today}.xlsx`),
        'Cache-Control': 'private, no-store',
      },
    });
  },
);
