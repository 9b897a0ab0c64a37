// The monthly attendance sheet (考勤表) as offices print and file it: one row per person, one column
// per day, totals, the key, and the sign-off lines. No database here: data.ts passes the month in.
import ExcelJS from 'exceljs';
import type { AwayKind, DayKind, TeamRole } from '@/lib/enums';
import { printedSheet, xlsxBuffer } from '@/lib/spreadsheet';

export type SheetRow = {
  name: string;
  role: TeamRole;
  unitName: string;
  cells: Record<string, { kind: DayKind; marked: boolean }>;
  days: number;
  nights: number;
  away: Record<AwayKind, number>;
  marked: number;
};

export type SheetLabels = {
  title: string;
  legend: string;
  signed: string;
  leaderLine: string;
  headers: {
    index: string;
    name: string;
    role: string;
    unit: string;
    days: string;
    nights: string;
    leave: string;
    training: string;
    meeting: string;
    trip: string;
    marked: string;
  };
  roles: Record<TeamRole, string>;
  short: Record<DayKind, string>;
};

export async function attendanceSheetXlsx(input: {
  dates: string[];
  rows: SheetRow[];
  labels: SheetLabels;
}): Promise<Buffer> {
  const { dates, rows, labels } = input;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('考勤表', printedSheet('2:2'));
  const h = labels.headers;
  const header = [
    h.index,
    h.name,
    h.role,
    h.unit,
    ...dates.map((d) => String(Number(d.slice(8)))),
    h.days,
    h.nights,
    h.leave,
    h.training,
    h.meeting,
    h.trip,
    h.marked,
  ];
  const width = header.length;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = labels.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  const headRow = sheet.addRow(header);
  headRow.font = { bold: true };
  headRow.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  rows.forEach((row, i) => {
    const added = sheet.addRow([
      i + 1,
      row.name,
      labels.roles[row.role],
      row.unitName,
      ...dates.map((d) => (row.cells[d] ? labels.short[row.cells[d].kind] : '')),
      row.days,
      row.nights,
      row.away.LEAVE,
      row.away.TRAINING,
      row.away.MEETING,
      row.away.BUSINESS_TRIP,
      row.marked,
    ]);
    added.alignment = { horizontal: 'center' };
    dates.forEach((d, j) => {
      // A marked check-in (outside the radius, no location) is shaded, as the page frames it in red.
      if (row.cells[d]?.marked)
        added.getCell(5 + j).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
    });
  });
  for (let r = 2; r <= rows.length + 2; r++) {
    for (let c = 1; c <= width; c++)
      sheet.getCell(r, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
  }
  sheet.getColumn(1).width = 5;
  sheet.getColumn(2).width = 10;
  sheet.getColumn(3).width = 10;
  sheet.getColumn(4).width = 18;
  for (let c = 5; c < 5 + dates.length; c++) sheet.getColumn(c).width = 3.5;
  for (let c = 5 + dates.length; c <= width; c++) sheet.getColumn(c).width = 7;
  sheet.addRow([]);
  sheet.addRow([labels.legend]);
  sheet.addRow([labels.leaderLine]);
  sheet.addRow([labels.signed]);
  return xlsxBuffer(workbook);
}

/** The compliance list (驻村考勤达标情况) as a filed sheet: a title row, the header, one row per person. */
export async function complianceSheetXlsx(input: {
  title: string;
  header: string[];
  rows: (string | number)[][];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('考勤达标', printedSheet('2:2'));
  sheet.addRow([input.title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, input.header.length);
  sheet.addRow(input.header).font = { bold: true };
  for (const row of input.rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 10 : i === 1 ? 18 : 12;
  });
  return xlsxBuffer(workbook);
}
