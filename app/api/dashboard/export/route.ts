// The dashboard's tables of an area as .xlsx: GET /api/dashboard/export?area=, the same figures as the page.
import { writeAuditNow } from '@/lib/audit/data';
import { dashboard } from '@/lib/dashboard/data';
import { dashboardXlsx } from '@/lib/dashboard/sheet';
import { attachmentHeader, XLSX_TYPE } from '@/lib/http';
import { regionTrail } from '@/lib/regions/data';
import { route } from '@/lib/route';

export const dynamic = 'force-dynamic';

export const GET = route(
  { name: 'dashboard.export', permission: 'region.view' },
  async (request, { viewer, t: tr, requestId }) => {
    const t = (key: string, params?: Record<string, string | number>) => tr(`dashboard.${key}`, params);
    const data = await dashboard(viewer, request.nextUrl.searchParams.get('area') ?? undefined);
    const trail = await regionTrail(viewer, data.area.code);
    const areaName = trail.map((r) => r.name).join('') || data.area.name;
    const time = data.computedAt
      ? new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' }).format(
          data.computedAt,
        )
      : '—';
    const title = t('sheetTitle', { area: areaName, year: data.year });
    const buffer = await dashboardXlsx({
      data,
      title,
      subtitle: t('sheetSubtitle', { date: data.today, time }),
      t: (key) => t(key),
      areaLabel: t('area'),
      totalLabel: t('total', { area: data.area.name }),
    });
    const actor = { userId: viewer.userId, username: viewer.username, role: viewer.role };
    await writeAuditNow(actor, {
      action: 'dashboard.export',
      result: 'OK',
      entity: 'Region',
      regionCode: data.area.code,
      changes: { rows: data.children.length },
      requestId,
    });
    return new Response(new Uint8Array(buffer), {
      headers: {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': attachmentHeader(`${title}.xlsx`, `dashboard-${data.area.code}-${data.today}.xlsx`),
        'Cache-Control': 'private, no-store',
      },
    });
  },
);
