// The pairing roster (结对帮扶花名册) as .xlsx, in the columns offices keep. No database here.
import ExcelJS from 'exceljs';
import { printedSheet, xlsxBuffer } from '@/lib/spreadsheet';

export type RosterSheetRow = {
  township: string;
  village: string;
  group: string;
  headName: string;
  status: string;
  memberCount: number;
  cadreName: string;
  rank: string;
  unitName: string;
  phone: string;
  startedOn: string;
};

/** The roster's columns, in the order printed; each has its label under pairings.sheetColumns. */
export const ROSTER_COLUMNS = [
  'index',
  'township',
  'village',
  'group',
  'head',
  'status',
  'members',
  'cadre',
  'rank',
  'unit',
  'phone',
  'since',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

export type RosterSheetLabels = { title: string; columns: Record<RosterColumn, string> };

export async function pairingRosterXlsx(rows: readonly RosterSheetRow[], labels: RosterSheetLabels): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('结对帮扶花名册', {
    ...printedSheet('2:2'),
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  const header = ROSTER_COLUMNS.map((column) => labels.columns[column]);
  sheet.mergeCells(1, 1, 1, header.length);
  sheet.getCell(1, 1).value = labels.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.addRow(header).font = { bold: true };
  rows.forEach((r, i) => {
    sheet.addRow([
      i + 1,
      r.township,
      r.village,
      r.group,
      r.headName,
      r.status,
      r.memberCount,
      r.cadreName,
      r.rank,
      r.unitName,
      r.phone,
      r.startedOn,
    ]);
  });
  [6, 10, 10, 6, 10, 12, 6, 10, 12, 22, 14, 12].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  return xlsxBuffer(workbook);
}
