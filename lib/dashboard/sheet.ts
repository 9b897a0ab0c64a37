// The dashboard's tables as one .xlsx sheet, A4 landscape: a block per section, a row per area of the
// next level down and a total row, red and amber where the page is. No database here: the route passes the data in.
import ExcelJS from 'exceljs';
import { printedSheet, xlsxBuffer } from '@/lib/spreadsheet';
import { SECTION_COLUMNS, SECTIONS } from './columns';
import type { Dashboard, DashboardRow } from './data';
import { markLevel } from './rules';

type Text = (key: string) => string;

export async function dashboardXlsx(input: {
  data: Dashboard;
  title: string;
  subtitle: string;
  t: Text;
  areaLabel: string;
  totalLabel: string;
}): Promise<Buffer> {
  const { data, title, subtitle, t, areaLabel, totalLabel } = input;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据看板', printedSheet());
  const widest = Math.max(...SECTIONS.map((s) => SECTION_COLUMNS[s].length)) + 1;
  sheet.mergeCells(1, 1, 1, widest);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, widest);
  sheet.getCell(2, 1).value = subtitle;
  sheet.getCell(2, 1).alignment = { horizontal: 'right' };
  const thin = { style: 'thin' as const };
  const rows: DashboardRow[] = data.children.length > 0 ? data.children : [];
  for (const section of SECTIONS.filter((s) => data.sections[s])) {
    const columns = SECTION_COLUMNS[section];
    sheet.addRow([]);
    const heading = sheet.addRow([t(`sections.${section}`)]);
    heading.font = { bold: true, size: 12 };
    const head = sheet.addRow([areaLabel, ...columns.map((c) => t(`columns.${c.label}`))]);
    head.font = { bold: true };
    head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const body = [
      ...rows.map((r) => ({ row: r, name: r.name })),
      { row: data.total, name: rows.length > 0 ? totalLabel : data.total.name },
    ];
    for (const { row, name } of body) {
      const added = sheet.addRow([
        name,
        ...columns.map((c) => {
          const value = c.value(row.figures, row.rates);
          return c.percent ? Math.round(value * 100) / 10000 : value;
        }),
      ]);
      if (row === data.total) added.font = { bold: true };
      columns.forEach((c, i) => {
        const cell = added.getCell(i + 2);
        cell.numFmt = c.percent ? (c.decimals === 2 ? '0.00%' : '0.0%') : '#,##0';
        const level = markLevel(c.mark, row.marks);
        if (level === 'missed') {
          cell.font = { bold: true, color: { argb: 'FFB91C1C' } };
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
        } else if (level === 'atRisk') {
          cell.font = { color: { argb: 'FF92400E' } };
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
        }
      });
    }
    for (let r = head.number; r <= sheet.rowCount; r++) {
      for (let c = 1; c <= columns.length + 1; c++)
        sheet.getCell(r, c).border = { top: thin, left: thin, bottom: thin, right: thin };
    }
  }
  sheet.getColumn(1).width = 16;
  for (let c = 2; c <= widest; c++) sheet.getColumn(c).width = 13;
  return xlsxBuffer(workbook);
}
