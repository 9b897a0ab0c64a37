// The project ledgers as .xlsx, each of the rows the page shows under the same filters, audited as an export.
import 'server-only';
import { writeAuditNow } from '@/lib/audit/data';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import type { Locale } from '@/lib/i18n/locales';
import { translateKey } from '@/lib/i18n/messages';
import { regionTrail } from '@/lib/regions/data';
import { areaPrefix } from '@/lib/regions/scope';
import { chinaToday } from '@/lib/time';
import { assetRows, listProjectsForExport, paymentRows } from './data';
import type { ProjectFilters } from './filters';
import { ledgerXlsx } from './sheet';

export type ProjectLedger = 'library' | 'payments' | 'assets';

const yuan = (fen: bigint) => Number(fen) / 100;

/** One of the ledgers of the filtered projects, as a file; 403 without project.export. */
export async function exportProjectLedger(
  viewer: Viewer,
  ledger: ProjectLedger,
  filters: ProjectFilters,
  locale: Locale,
  requestId?: string,
) {
  requireCan(viewer, 'project.export');
  const t = (key: string, params?: Record<string, string | number>) => translateKey(locale, `projects.${key}`, params);
  const area = areaPrefix(viewer, filters.area);
  const trail = await regionTrail(viewer, area);
  const areaName = trail.map((r) => r.name).join('') || viewer.scopeName;
  const today = chinaToday();
  const yearText = filters.year === null ? t('allYears') : String(filters.year);
  let columns: { header: string; width: number; money?: boolean }[];
  let rows: (string | number)[][];
  if (ledger === 'library') {
    const list = await listProjectsForExport(viewer, filters);
    columns = [
      { header: t('year'), width: 7 },
      { header: t('name'), width: 28 },
      { header: t('kind'), width: 10 },
      { header: t('place'), width: 18 },
      { header: t('ownerUnit'), width: 16 },
      { header: t('contact'), width: 16 },
      { header: t('budgetYuan'), width: 14, money: true },
      { header: t('paidYuan'), width: 14, money: true },
      { header: t('stage'), width: 10 },
      { header: t('progressPercent'), width: 8 },
      { header: t('plannedEndOn'), width: 11 },
      { header: t('households'), width: 8 },
      { header: t('auditColumn'), width: 8 },
    ];
    rows = list.map((p) => [
      p.year,
      p.name,
      t(`kinds.${p.kind}`),
      p.place,
      p.ownerUnit,
      `${p.contactName} ${p.contactPhone}`,
      yuan(p.budgetFen),
      yuan(p.paidFen),
      t(`stages.${p.stage}`),
      p.progressPercent,
      p.plannedEndOn,
      p.households,
      p.audits > 0 ? t('audited') : p.unaudited ? t('unauditedBadge') : '',
    ]);
  } else if (ledger === 'payments') {
    const list = await paymentRows(viewer, filters);
    columns = [
      { header: t('paidOn'), width: 11 },
      { header: t('voucherNo'), width: 16 },
      { header: t('name'), width: 28 },
      { header: t('place'), width: 18 },
      { header: t('source'), width: 14 },
      { header: t('paymentKind'), width: 8 },
      { header: t('payee'), width: 20 },
      { header: t('amountYuan'), width: 14, money: true },
    ];
    rows = list.map((r) => [
      r.paidOn,
      r.voucherNo,
      r.projectName,
      r.place,
      t(`sources.${r.source}`),
      t(`paymentKinds.${r.kind}`),
      r.payee,
      yuan(r.amountFen),
    ]);
  } else {
    const list = await assetRows(viewer, filters);
    columns = [
      { header: t('assetName'), width: 22 },
      { header: t('assetKind'), width: 10 },
      { header: t('name'), width: 26 },
      { header: t('place'), width: 18 },
      { header: t('assetOwner'), width: 16 },
      { header: t('custodian'), width: 10 },
      { header: t('registeredOn'), width: 11 },
      { header: t('assetValue'), width: 14, money: true },
      { header: t('incomeYuan'), width: 14, money: true },
    ];
    rows = list.map((r) => [
      r.name,
      t(`assetKinds.${r.kind}`),
      r.projectName,
      r.place,
      r.ownerName,
      r.custodian,
      r.registeredOn,
      yuan(r.valueFen),
      yuan(r.incomeFen),
    ]);
  }
  const title = t(`sheetTitles.${ledger}`, { area: areaName, year: yearText });
  const buffer = await ledgerXlsx({
    sheetName: t(`sheetNames.${ledger}`),
    title,
    subtitle: t('exportedOn', { date: today }),
    columns,
    rows,
    totalLabel: t('total'),
  });
  await writeAuditNow(
    { userId: viewer.userId, username: viewer.username, role: viewer.role },
    {
      action: `project.export.${ledger}`,
      result: 'OK',
      entity: 'Project',
      regionCode: area,
      changes: { year: filters.year, stage: filters.stage ?? null, rows: rows.length },
      requestId,
    },
  );
  return { buffer, fileName: `${title}.xlsx`, asciiFileName: `projects-${ledger}-${area}-${today}.xlsx` };
}
