// The year-end assessment as .xlsx: townships, then teams, ranked, with each indicator, the computed
// and final score and the band. No database here: the route passes the rows in.
import ExcelJS from 'exceljs';
import { fitWrappedRows, printedSheet, xlsxBuffer } from '@/lib/spreadsheet';
import type { AssessmentRow, UnitAssessmentRow } from './data';
import { INDICATORS, type Outcome, outcomeLines } from './rules';

export async function assessmentXlsx(input: {
  title: string;
  subtitle: string;
  sections: { label: string; rows: (AssessmentRow & { outcome?: Outcome })[] }[];
  units: { label: string; rows: UnitAssessmentRow[] } | null;
  t: (key: string, params?: Record<string, string | number>) => string;
}): Promise<Buffer> {
  const { title, subtitle, sections, units, t } = input;
  const outcomeText = (o: Outcome | undefined) =>
    o
      ? outcomeLines(o)
          .map((l) => t(`outcomes.${l.key}`, l.params))
          .join('；')
      : '';
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('年终考核', printedSheet());
  const headers = [
    t('rank'),
    t('village'),
    ...INDICATORS.map((i) => t(`indicators.${i}`)),
    t('computed'),
    t('final'),
    t('band'),
    t('outcome'),
    t('adjustReason'),
  ];
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, headers.length);
  sheet.getCell(2, 1).value = subtitle;
  sheet.getCell(2, 1).alignment = { horizontal: 'right' };
  const thin = { style: 'thin' as const };
  for (const section of sections) {
    sheet.addRow([]);
    sheet.addRow([section.label]).font = { bold: true, size: 12 };
    const head = sheet.addRow(headers);
    head.font = { bold: true };
    for (const r of section.rows) {
      const row = sheet.addRow([
        r.rank,
        r.code.length === 12 ? `${r.township} ${r.name}` : r.name,
        // Not assessed: an empty cell, never a 100%.
        ...INDICATORS.map((i) => {
          const share = r.computed.indicators[i];
          return share === null ? null : Math.round(share * 1000) / 1000;
        }),
        r.computed.score,
        r.final,
        t(`bands.${r.band}`),
        outcomeText(r.outcome),
        r.adjusted?.reason ?? '',
      ]);
      INDICATORS.forEach((_, i) => {
        row.getCell(i + 3).numFmt = '0.0%';
      });
      row.getCell(INDICATORS.length + 3).numFmt = '0.0';
      row.getCell(INDICATORS.length + 4).numFmt = '0.0';
    }
    for (let r = head.number; r <= sheet.rowCount; r++)
      for (let c = 1; c <= headers.length; c++)
        sheet.getCell(r, c).border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (units && units.rows.length > 0) {
    sheet.addRow([]);
    sheet.addRow([units.label]).font = { bold: true, size: 12 };
    const head = sheet.addRow([
      t('rank'),
      units.label,
      t('unitTeams'),
      t('unitTeamScore'),
      t('unitReturnVisits'),
      t('final'),
      t('band'),
      t('outcome'),
    ]);
    head.font = { bold: true };
    for (const u of units.rows) {
      sheet.addRow([
        u.rank,
        u.name,
        u.teams,
        u.result.teams === null ? null : Math.round(u.result.teams * 10) / 10,
        `${u.returnVisits.done}/${u.returnVisits.due}`,
        u.result.score,
        t(`bands.${u.result.band}`),
        outcomeText(u.outcome),
      ]);
    }
    for (let r = head.number; r <= sheet.rowCount; r++)
      for (let c = 1; c <= 8; c++) sheet.getCell(r, c).border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  sheet.getColumn(2).width = 20;
  for (let c = 3; c <= headers.length; c++) sheet.getColumn(c).width = 11;
  sheet.getColumn(headers.length).width = 30;
  sheet.getColumn(headers.length).alignment = { wrapText: true, vertical: 'top' };
  fitWrappedRows(sheet, [2, headers.length], 3);
  return xlsxBuffer(workbook);
}
