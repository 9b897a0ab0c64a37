// The project ledgers as offices print and file them (项目库, 资金拨付台账, 扶贫资产台账): a title, the date, one
// row per record and a total row. No database here: lib/projects/exports.ts passes the rows in.
import ExcelJS from 'exceljs';
import { printedSheet, xlsxBuffer } from '@/lib/spreadsheet';

export type LedgerColumn = { header: string; width: number; money?: boolean };

/** `rows` are the cells in column order; money columns hold yuan as numbers (two decimals), summed in the last row. */
export async function ledgerXlsx(input: {
  sheetName: string;
  title: string;
  subtitle: string;
  columns: LedgerColumn[];
  rows: (string | number)[][];
  totalLabel: string;
}): Promise<Buffer> {
  const { columns, rows } = input;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(input.sheetName, printedSheet('3:3'));
  const width = columns.length + 1;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = input.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = input.subtitle;
  sheet.getCell(2, 1).alignment = { horizontal: 'right' };
  const head = sheet.addRow(['序号', ...columns.map((c) => c.header)]);
  head.font = { bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  rows.forEach((row, i) => {
    const added = sheet.addRow([i + 1, ...row]); // xlsxBuffer makes text that would start a formula safe
    added.alignment = { vertical: 'top', wrapText: true };
  });
  const totals = columns.map((c, i) =>
    c.money ? Math.round(rows.reduce((s, r) => s + Number(r[i] ?? 0), 0) * 100) / 100 : '',
  );
  const totalRow = sheet.addRow([input.totalLabel, ...totals]);
  totalRow.font = { bold: true };
  const thin = { style: 'thin' as const };
  for (let r = 3; r <= rows.length + 4; r++)
    for (let c = 1; c <= width; c++) sheet.getCell(r, c).border = { top: thin, left: thin, bottom: thin, right: thin };
  sheet.getColumn(1).width = 6;
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 2);
    column.width = c.width;
    if (c.money) column.numFmt = '#,##0.00';
  });
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return xlsxBuffer(workbook);
}
