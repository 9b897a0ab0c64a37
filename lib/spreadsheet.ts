// What every exported .xlsx shares: cells that cannot turn into formulas, A4 landscape print setup, and
// rows tall enough for their wrapped text. No database here.
import type ExcelJS from 'exceljs';

/**
 * Text a spreadsheet would read as a formula once the file is re-saved as CSV: = + - @, or a tab, carriage
 * return or line feed in front of them. An .xlsx string cell is never a formula, but offices re-save and re-open.
 */
const LIVE_START = /^[=+\-@\t\r\n]/;

/** The quote prefix that keeps such text as text; the roster import removes it again (cleanText). */
export const TEXT_PREFIX = "'";

export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' && LIVE_START.test(value) ? TEXT_PREFIX + value : value;
}

export function safeRow(values: readonly unknown[]): unknown[] {
  return values.map(safeCell);
}

/** Every string cell of an in-memory workbook made safe, then the file. The one way sheets are written. */
export async function xlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = safeCell(cell.value);
      });
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A4 landscape, every column on one page wide, page numbers in the footer, and `titleRows` ("3:3") printed
 * again at the top of every page.
 */
export function printedSheet(titleRows?: string): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      ...(titleRows ? { printTitlesRow: titleRows } : {}),
    },
    headerFooter: { oddFooter: '&C&P / &N' },
  };
}

/** Display width in column units: a Chinese or full-width character takes two, as Excel draws it. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 0x1100 && (code <= 0x115f || code >= 0x2e80) ? 2 : 1;
  }
  return width;
}

const LINE_POINTS = 15;

/**
 * Row heights from the wrapped text of the given columns: Excel does not grow a row for text written by a
 * program, so a printed ledger would cut every long description to its first line.
 */
export function fitWrappedRows(sheet: ExcelJS.Worksheet, columns: readonly number[], fromRow: number): void {
  for (let r = fromRow; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    let lines = 1;
    for (const c of columns) {
      const value = row.getCell(c).value;
      if (typeof value !== 'string' || value === '') continue;
      // A column of width w holds about w − 1 units of text after the cell's padding.
      const room = Math.max(1, (sheet.getColumn(c).width ?? 10) - 1);
      const cellLines = value
        .split('\n')
        .reduce((sum, part) => sum + Math.max(1, Math.ceil(textWidth(part) / room)), 0);
      lines = Math.max(lines, cellLines);
    }
    if (lines > 1) row.height = lines * LINE_POINTS;
  }
}
