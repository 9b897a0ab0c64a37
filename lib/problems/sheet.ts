// The rectification ledger (整改台账) as offices print and file it: one row per problem, what was
// done or explained, and whether it is overdue. No database here: the route passes the rows in.
import ExcelJS from 'exceljs';
import { fitWrappedRows, printedSheet, xlsxBuffer } from '@/lib/spreadsheet';

export const LEDGER_COLUMNS = [
  'index',
  'township',
  'village',
  'household',
  'category',
  'description',
  'source',
  'urgency',
  'foundOn',
  'deadline',
  'owner',
  'measure',
  'explanation',
  'status',
  'solvedOn',
  'struckOffOn',
  'overdue',
] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

/** One row, already translated: every cell is the text to print. */
export type LedgerSheetRow = Record<Exclude<LedgerColumn, 'index'>, string> & { isOverdue: boolean };

const WIDTHS: Record<LedgerColumn, number> = {
  index: 5,
  township: 10,
  village: 10,
  household: 8,
  category: 12,
  description: 34,
  source: 9,
  urgency: 7,
  foundOn: 11,
  deadline: 11,
  owner: 10,
  measure: 28,
  explanation: 22,
  status: 11,
  solvedOn: 11,
  struckOffOn: 11,
  overdue: 6,
};

const WRAPPED: readonly LedgerColumn[] = ['description', 'measure', 'explanation'];

export async function rectificationLedgerXlsx(input: {
  title: string;
  subtitle: string;
  headers: Record<LedgerColumn, string>;
  rows: LedgerSheetRow[];
}): Promise<Buffer> {
  const { title, subtitle, headers, rows } = input;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('整改台账', printedSheet('3:3'));
  const width = LEDGER_COLUMNS.length;
  sheet.mergeCells(1, 1, 1, width);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = subtitle;
  sheet.getCell(2, 1).alignment = { horizontal: 'right' };
  const headRow = sheet.addRow(LEDGER_COLUMNS.map((c) => headers[c]));
  headRow.font = { bold: true };
  headRow.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  headRow.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F5F9' } };
  });
  rows.forEach((row, i) => {
    const added = sheet.addRow(LEDGER_COLUMNS.map((c) => (c === 'index' ? i + 1 : row[c])));
    added.alignment = { vertical: 'top', wrapText: true };
    if (row.isOverdue) {
      const cell = added.getCell(width);
      cell.font = { bold: true, color: { argb: 'FFB91C1C' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
      added.getCell(LEDGER_COLUMNS.indexOf('deadline') + 1).font = { bold: true, color: { argb: 'FFB91C1C' } };
    }
  });
  const thin = { style: 'thin' as const };
  for (let r = 3; r <= rows.length + 3; r++) {
    for (let c = 1; c <= width; c++) sheet.getCell(r, c).border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  LEDGER_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = WIDTHS[c];
    if (!WRAPPED.includes(c)) column.alignment = { horizontal: 'center', vertical: 'top', wrapText: true };
  });
  fitWrappedRows(
    sheet,
    WRAPPED.map((c) => LEDGER_COLUMNS.indexOf(c) + 1),
    4,
  );
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return xlsxBuffer(workbook);
}
