// The roster's .xlsx files: reading (streamed, with sheet-reader.ts) and writing (exceljs; the export
// streamed). No database here: data.ts feeds rows in and takes rows out.
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  allowedValues,
  COLUMNS,
  type ColumnKey,
  EXAMPLE_ID,
  SHEET_EXPORT_NOTES,
  SHEET_NOTES,
  SHEET_ROSTER,
  SHEET_VILLAGES,
} from './columns';
import { looksLikeHeader } from './parse';
import { type SheetCell, WorkbookCells } from './sheet-reader';

export { MAX_FILE_BYTES } from './columns';
export { UnreadableWorkbook } from './sheet-reader';

export type FileProblem = 'xls' | 'notXlsx';

/** .xlsx is a zip file; the old binary .xls (and anything else) is refused with its own message. */
export function fileProblem(buffer: Buffer): FileProblem | null {
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== 0x04034b50) return 'notXlsx';
  return null;
}

// ───────────────────────── reading ─────────────────────────

export type SheetHandlers = {
  /** The roster sheet's header row (cells 1-based, like exceljs `row.values`). Return false to refuse the file. */
  onHeader(cells: SheetCell[]): boolean;
  /** One data row; return false to stop reading (too many rows). */
  onRow(rowNumber: number, cells: SheetCell[]): boolean;
  /** Rows read so far, of about `total` (estimated from the bytes read until the end). */
  onProgress?(done: number, total: number): void;
};

export type ReadResult = 'ok' | 'noRosterSheet' | 'stopped';

/** How far down a sheet the header may be: county sheets often carry a title row or two above it. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Streams the workbook and hands the rows of its roster sheet to `handlers`: the first worksheet, in
 * tab order, with the roster's headers in one of its first non-blank rows (a 填写说明 sheet in front
 * is skipped, a title row above the header is fine). Throws UnreadableWorkbook for a file that is not
 * a readable .xlsx.
 */
export async function readRosterWorkbook(buffer: Buffer, handlers: SheetHandlers): Promise<ReadResult> {
  const workbook = await WorkbookCells.open(buffer);
  for (const sheet of workbook.sheets) {
    let bytes = 0;
    let rows = 0;
    let header = false;
    let searched = 0;
    for await (const row of workbook.rows(sheet, (b) => (bytes = b))) {
      if (!header) {
        if (!looksLikeHeader(row.cells)) {
          if (++searched >= HEADER_SEARCH_ROWS) break; // not the roster: try the next sheet
          continue;
        }
        if (!handlers.onHeader(row.cells)) return 'stopped';
        header = true;
        continue;
      }
      if (!handlers.onRow(row.number, row.cells)) return 'stopped';
      rows += 1;
      if (rows % 2_000 === 0 && bytes > 0)
        handlers.onProgress?.(rows, Math.max(rows, Math.round((rows * sheet.size) / bytes)));
    }
    if (header) {
      handlers.onProgress?.(rows, rows);
      return 'ok';
    }
  }
  return 'noRosterSheet';
}

// ───────────────────────── writing ─────────────────────────

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FF9C0006' } };

/** The header row stays in view while scrolling. */
const FROZEN_HEADER: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: 'frozen', ySplit: 1 }] };

function setUpRosterSheet(sheet: ExcelJS.Worksheet) {
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width, ...(c.text ? { style: { numFmt: '@' } } : {}) }));
}

function headerRow(sheet: ExcelJS.Worksheet) {
  const row = sheet.addRow(COLUMNS.map((c) => c.header));
  row.eachCell((cell, index) => {
    cell.font = COLUMNS[index - 1].required ? REQUIRED_FONT : { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  });
  return row;
}

export type VillageEntry = { code: string; name: string; township: string };

/** The template: the roster sheet (header and one example row), the explanation, and the user's villages. */
export async function templateWorkbook(villages: VillageEntry[], exampleVillage: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '驻村帮扶工作系统';
  workbook.created = new Date();

  const sheet = workbook.addWorksheet(SHEET_ROSTER, FROZEN_HEADER);
  setUpRosterSheet(sheet);
  headerRow(sheet);
  const example: Record<ColumnKey, string> = {
    villageCode: exampleVillage,
    groupName: '3组',
    headIdNumber: EXAMPLE_ID,
    relation: '户主',
    name: '张三丰',
    idNumber: EXAMPLE_ID,
    phone: '13800000000',
    health: '健康',
    labour: '有劳动力',
    inSchool: '否',
    allowance: '无',
    povertyCauses: '因病、缺资金',
    foodSecure: '是',
    clothingSecure: '是',
    educationSecure: '是',
    medicalSecure: '是',
    housingSecure: '是',
    waterSecure: '是',
  };
  const exampleRow = sheet.addRow(COLUMNS.map((c) => example[c.key]));
  exampleRow.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  exampleRow.getCell(1).note = '示例行：导入前请删除（系统认得这一行，不会把它当作真实的人）';
  // Drop-down lists where the values are a fixed set; "warning" style so that the other accepted spellings still go in.
  COLUMNS.forEach((column, index) => {
    const values = allowedValues(column.key);
    if (!values || column.key === 'povertyCauses') return;
    const letter = sheet.getColumn(index + 1).letter;
    // exceljs takes a range here (it is typed per cell only).
    (
      sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
    ).dataValidations.add(`${letter}2:${letter}20000`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.split('、').join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: column.header,
      error: `请填写：${values}`,
    });
  });

  const notes = workbook.addWorksheet(SHEET_NOTES);
  notes.columns = [{ width: 16 }, { width: 8 }, { width: 46 }, { width: 90 }];
  notes.addRow(['列名', '必填', '可填的值', '说明']).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  for (const column of COLUMNS) {
    const row = notes.addRow([column.header, column.required ? '是' : '否', allowedValues(column.key), column.note]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  notes.addRow([]);
  for (const line of [
    '每行一人，同一户的成员用相同的“户主身份证号”归为一户；户的信息（低保类型、致贫原因、两不愁三保障）读户主那一行。',
    '导入前系统会逐行检查并列出问题（行号、列、原因），确认后才写入；有问题的户整户不导入，改好后可再次上传。',
    '已登记的身份证号自动跳过，同一文件重复导入不会重复登记。文件不超过 30 MB，不超过 20 万行。',
    '请保持第一行的列名不变；列的顺序可以调整。',
  ])
    notes.addRow([line]).getCell(1).alignment = { wrapText: false };

  const codes = workbook.addWorksheet(SHEET_VILLAGES);
  codes.columns = [
    { header: '乡镇', width: 16 },
    { header: '行政村', width: 16 },
    { header: '行政村区划代码', width: 18, style: { numFmt: '@' } },
  ];
  codes.getRow(1).font = { bold: true };
  for (const village of villages) codes.addRow([village.township, village.name, village.code]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type RosterWriter = {
  /** One person, values in COLUMNS order. */
  addRow(values: readonly string[]): void;
  /** Closes the roster sheet, writes the notes sheet and finishes the file. */
  finish(notes: readonly [string, string][]): Promise<void>;
};

/**
 * A streamed roster workbook in the template's columns (so an export can be imported again). Without
 * cell styles: exceljs styles every cell it streams, which doubles the time for a county's 100,000 rows;
 * the values are written as text, so ID numbers stay whole anyway.
 */
export function rosterWriter(stream: Writable): RosterWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  workbook.creator = '驻村帮扶工作系统';
  const sheet = workbook.addWorksheet(SHEET_ROSTER, FROZEN_HEADER);
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  sheet.addRow(COLUMNS.map((c) => c.header)).commit();
  return {
    addRow(values) {
      sheet.addRow(values as string[]).commit();
    },
    async finish(notes) {
      sheet.commit();
      const info = workbook.addWorksheet(SHEET_EXPORT_NOTES);
      info.columns = [{ width: 18 }, { width: 80 }];
      for (const line of notes) info.addRow(line).commit();
      info.commit();
      await workbook.commit();
    },
  };
}

/** A whole roster workbook in memory from rows of cell values in COLUMNS order (tests, the benchmark). */
export async function rosterWorkbookBuffer(
  rows: Iterable<readonly string[]>,
  header: readonly string[] = COLUMNS.map((c) => c.header),
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(SHEET_ROSTER);
  sheet.addRow([...header]).commit();
  for (const row of rows) sheet.addRow([...row]).commit();
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
