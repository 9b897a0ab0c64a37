// The year-end assessment of the viewer's county as .xlsx: GET /api/assessment/export?year= (a year kept, else the current one).

import { writeAuditNow } from '@/lib/audit/data';
import { attachmentHeader, XLSX_TYPE } from '@/lib/http';
import { assessment, assessmentYears } from '@/lib/inspections/data';
import { assessmentXlsx } from '@/lib/inspections/sheet';
import { regionTrail } from '@/lib/regions/data';
import { route } from '@/lib/route';
import { chinaToday } from '@/lib/time';

export const dynamic = 'force-dynamic';

export const GET = route(
  { name: 'assessment.export', permission: 'assessment.view' },
  async (request, { viewer, t: tr, fail, requestId }) => {
    const t = (key: string, params?: Record<string, string | number>) => tr(`inspections.${key}`, params);
    const today = chinaToday();
    const asked = Number(request.nextUrl.searchParams.get('year'));
    const year = (await assessmentYears(viewer)).includes(asked) ? asked : Number(today.slice(0, 4));
    const data = await assessment(viewer, year);
    if (!data.county) return fail(403, 'errors.forbidden'); // no county above the viewer: nothing to assess
    const county = (await regionTrail(viewer, data.county)).map((r) => r.name).join('') || viewer.scopeName;
    const title = t('sheetTitle', { county, year: data.year });
    const buffer = await assessmentXlsx({
      title,
      subtitle: t('exportedOn', { date: today }),
      t,
      sections: [
        ...(data.townships.length > 1 ? [{ label: t('townships'), rows: data.townships }] : []),
        { label: t('teams'), rows: data.teams },
      ],
      units: { label: t('units'), rows: data.units },
    });
    const actor = { userId: viewer.userId, username: viewer.username, role: viewer.role };
    await writeAuditNow(actor, {
      action: 'assessment.export',
      result: 'OK',
      entity: 'Region',
      regionCode: viewer.scopeCode,
      changes: { year: data.year, teams: data.teams.length },
      requestId,
    });
    return new Response(new Uint8Array(buffer), {
      headers: {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': attachmentHeader(`${title}.xlsx`, `assessment-${data.county}-${data.year}.xlsx`),
        'Cache-Control': 'private, no-store',
      },
    });
  },
);
