// The roster's files: reading .xlsx (streamed, with sheet-reader.ts) and .csv (csv.ts), and writing .xlsx
// (exceljs; the export streamed). No database here: data.ts feeds rows in and takes rows out.
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { MEASURE_KINDS } from '@/lib/plans/rules';
import { printedSheet, safeRow, xlsxBuffer } from '@/lib/spreadsheet';
import {
  allowedValues,
  COLUMNS,
  type ColumnKey,
  EXAMPLE_ID,
  type MeasureColumnKey,
  measureColumn,
  READ_COLUMNS,
  SHEET_EXPORT_NOTES,
  SHEET_NOTES,
  SHEET_ROSTER,
  SHEET_VILLAGES,
} from './columns';
import { CsvCells } from './csv';
import { type Header, headerAt } from './parse';
import { type SheetCell, type SheetInfo, type SheetRow, WorkbookCells } from './sheet-reader';

export { MAX_FILE_BYTES } from './columns';
export { UnreadableWorkbook } from './sheet-reader';

/** Files the import cannot read: each has its own message, saying how to convert it. */
export type FileProblem = 'xls' | 'ods' | 'notXlsx';
export type FileKind = 'xlsx' | 'csv';

/**
 * What the file is, by its content (the name only tells a .csv from other text): .xlsx (a zip with a workbook),
 * .csv (text), or a problem: the old binary .xls, an OpenDocument .ods (a zip with its mimetype first), other.
 */
export function fileKind(buffer: Buffer, fileName = ''): FileKind | FileProblem {
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
  if (buffer.length >= 22 && buffer.readUInt32LE(0) === 0x04034b50) {
    const head = buffer.subarray(0, 120).toString('latin1');
    return head.includes('mimetypeapplication/vnd.oasis.opendocument') ? 'ods' : 'xlsx';
  }
  if (/\.(xlsx|xlsm|xls|ods|et)$/i.test(fileName)) return 'notXlsx';
  // Text without NUL bytes is read as CSV (UTF-16 text starts with its BOM).
  const start = buffer.subarray(0, 8192);
  const utf16 = start.length >= 2 && start[0] === 0xff && start[1] === 0xfe;
  return utf16 || !start.includes(0) ? 'csv' : 'notXlsx';
}

/** .xlsx is a zip file; the old binary .xls, .ods and anything else is refused with its own message. */
export function fileProblem(buffer: Buffer, fileName = ''): FileProblem | null {
  const kind = fileKind(buffer, fileName);
  return kind === 'xlsx' || kind === 'csv' ? null : kind;
}

// ───────────────────────── reading ─────────────────────────

/** What became of each sheet of the file, in tab order: the report names every one. */
export type SheetOutcome = {
  name: string;
  /** read: its rows were checked; hidden: a hidden sheet, never read; noHeader: no roster header in its first rows. */
  status: 'read' | 'hidden' | 'noHeader';
  /** Data rows read (blank rows not counted). */
  rows: number;
  /** The header's first row and how many rows it spans (a read sheet only). */
  headerRow?: number;
  headerRows?: 1 | 2;
};

export type SheetHandlers = {
  /** A roster sheet's header (sheets read are numbered 0, 1, … in this order). Return false to refuse the file. */
  onSheet(sheet: { name: string; header: Header }): boolean;
  /** One data row (cells 1-based, like exceljs `row.values`); return false to stop reading (too many rows). */
  onRow(rowNumber: number, cells: SheetCell[]): boolean;
  /** Rows read so far, of about `total` (estimated from the bytes read until the end). */
  onProgress?(done: number, total: number): void;
};

export type ReadResult = {
  result: 'ok' | 'noRosterSheet' | 'stopped';
  sheets: SheetOutcome[];
  /** The encoding a CSV file was read in. */
  encoding?: string;
};

/** How far down a sheet the header may be: county sheets often carry a title row or two above it. */
const HEADER_SEARCH_ROWS = 10;

type Cells = {
  sheets: SheetInfo[];
  rows(sheet: SheetInfo, onBytes?: (bytes: number) => void): AsyncGenerator<SheetRow>;
};

/**
 * Streams the file and hands the rows of EVERY visible sheet with a roster header to `handlers` (one sheet per
 * village is common), in tab order; hidden sheets are never read, sheets without a roster header in their first
 * rows (a 填写说明 sheet, the village codes) are skipped; each is named in `sheets` with what became of it. A title
 * row above the header is fine, and so is a two-row header. Throws UnreadableWorkbook for an unreadable .xlsx.
 */
export async function readRosterFile(
  buffer: Buffer,
  handlers: SheetHandlers,
  options: { kind?: FileKind; fileName?: string } = {},
): Promise<ReadResult> {
  const kind = options.kind ?? (fileKind(buffer, options.fileName) === 'csv' ? 'csv' : 'xlsx');
  const cells: Cells =
    kind === 'csv'
      ? new CsvCells(buffer, options.fileName?.replace(/\.[^.]*$/, '') || 'CSV')
      : await WorkbookCells.open(buffer);
  const outcomes: SheetOutcome[] = [];
  const visible = cells.sheets.filter((s) => s.state === 'visible');
  const totalSize = visible.reduce((sum, s) => sum + s.size, 0) || 1;
  let sizeBefore = 0;
  let rows = 0;
  let lastReported = 0;
  const encoding = cells instanceof CsvCells ? cells.encoding : undefined;
  const done = (result: ReadResult['result']): ReadResult => ({
    result,
    sheets: outcomes,
    ...(encoding ? { encoding } : {}),
  });

  for (const sheet of cells.sheets) {
    if (sheet.state !== 'visible') {
      outcomes.push({ name: sheet.name, status: 'hidden', rows: 0 });
      continue;
    }
    let bytes = 0;
    const iterator = cells.rows(sheet, (b) => (bytes = b));
    const first: SheetRow[] = [];
    while (first.length <= HEADER_SEARCH_ROWS) {
      const next = await iterator.next();
      if (next.done) break;
      first.push(next.value);
    }
    let header: Header | null = null;
    let at = 0;
    for (; at < Math.min(first.length, HEADER_SEARCH_ROWS); at++) {
      header = headerAt(first[at].cells, first[at + 1]?.cells);
      if (header) break;
    }
    if (!header) {
      await iterator.return(undefined);
      outcomes.push({ name: sheet.name, status: 'noHeader', rows: 0 });
      sizeBefore += sheet.size;
      continue;
    }
    const outcome: SheetOutcome = {
      name: sheet.name,
      status: 'read',
      rows: 0,
      headerRow: first[at].number,
      headerRows: header.rows,
    };
    outcomes.push(outcome);
    if (!handlers.onSheet({ name: sheet.name, header })) {
      await iterator.return(undefined);
      return done('stopped');
    }
    const take = async (row: SheetRow) => {
      if (!handlers.onRow(row.number, row.cells)) return false;
      outcome.rows += 1;
      rows += 1;
      if (rows - lastReported >= 2_000 && bytes > 0) {
        lastReported = rows;
        const read = sizeBefore + bytes;
        handlers.onProgress?.(rows, Math.max(rows, Math.round((rows * totalSize) / read)));
      }
      return true;
    };
    for (const row of first.slice(at + header.rows)) if (!(await take(row))) return done('stopped');
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (!(await take(next.value))) {
        await iterator.return(undefined);
        return done('stopped');
      }
    }
    sizeBefore += sheet.size;
  }
  if (!outcomes.some((o) => o.status === 'read')) return done('noRosterSheet');
  handlers.onProgress?.(rows, rows);
  return done('ok');
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

/** The example household's plan: a cattle measure under way with its yuan; the other kinds left blank. */
function measureExample(): Record<MeasureColumnKey, string> {
  const cells = {} as Record<MeasureColumnKey, string>;
  for (const kind of MEASURE_KINDS) {
    const keys = measureColumn(kind);
    cells[keys.target] = '';
    cells[keys.yuan] = '';
    cells[keys.status] = '';
  }
  cells.measure_INDUSTRY = '养殖肉牛 2 头';
  cells.measureYuan_INDUSTRY = '5000';
  cells.measureStatus_INDUSTRY = '实施中';
  cells.measure_EMPLOYMENT = '公益岗位 1 个';
  return cells;
}

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
    allowance: '二类低保',
    povertyCauses: '因病、缺资金',
    foodSecure: '是',
    clothingSecure: '是',
    educationSecure: '是',
    medicalSecure: '是',
    housingSecure: '是',
    waterSecure: '是',
    status: '已脱贫',
    povertyKind: '低保贫困户',
    identifiedYear: '2016',
    exitYear: '2019',
    incomeYear: '2019',
    wage: '12000',
    production: '3000',
    property: '0',
    transfer: '2400',
    perCapita: '17400',
    foodClothingSecure: '',
    incomeTarget: '3000',
    ...measureExample(),
  };
  const exampleRow = sheet.addRow(COLUMNS.map((c) => example[c.key]));
  exampleRow.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  exampleRow.getCell(1).note = '示例行：导入前请删除（系统认得这一行，不会把它当作真实的人）';
  // Drop-down lists where the values are a fixed set; "warning" style so that the other accepted spellings still go in.
  COLUMNS.forEach((column, index) => {
    const values = allowedValues(column.key);
    if (
      !values ||
      column.key === 'povertyCauses' ||
      values.startsWith('四位') ||
      values.startsWith('金额') ||
      values.startsWith('措施')
    )
      return;
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
  notes.columns = [{ width: 16 }, { width: 8 }, { width: 46 }, { width: 90 }, { width: 40 }];
  notes.addRow(['列名', '必填', '可填的值', '说明', '也认得的列名']).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  for (const column of READ_COLUMNS) {
    const row = notes.addRow([
      column.header,
      column.required ? '是' : '否',
      allowedValues(column.key),
      column.note,
      (column.aliases ?? []).join('、'),
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  notes.addRow([]);
  for (const line of [
    '每行一人，同一户的成员用相同的“户主身份证号”归为一户；户的信息（低保类型、致贫原因、两不愁三保障）读户主那一行。',
    '导入前系统会逐行检查并列出问题（行号、列、原因），确认后才写入；有问题的户整户不导入，改好后可再次上传。',
    '已登记的身份证号自动跳过，同一文件重复导入不会重复登记。文件不超过 30 MB，不超过 20 万行。',
    '请保持第一行的列名不变；列的顺序可以调整。也认得全国扶贫开发信息系统导出表的常用列名（见上表最后一列），以及两行表头（如上一行“两不愁三保障”、下一行“不愁吃”“义务教育有保障”……）。',
    '一户一策：每类帮扶措施三列（措施、资金、进度），填在户主行；有措施的户须填“增收目标”。导入后为该户今年的帮扶计划，责任干部为结对干部（结对后在户页面显示）。',
    '收入可以按年度分列：列名写成“2019年工资性收入”“2020年人均纯收入”等，一个文件可含多个年度；也可以用“收入年度”列加不带年份的收入列。',
    '一个文件可以有多个工作表（如每村一个），带花名册表头的工作表都会读取；隐藏的工作表不读取。检查结果会列出读取和跳过的工作表、未导入的列和按默认值记录的内容。',
    '也可以上传 CSV 文件（UTF-8 或 GBK 编码）。旧版 .xls 和 .ods 文件请先另存为 .xlsx。隐去了身份证号中间位的导出文件不能导入。',
    '单元格中的错误值（如 #N/A）和没有计算结果的公式会作为问题列出，不会当作空白。',
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

  return xlsxBuffer(workbook);
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
  const sheet = workbook.addWorksheet(SHEET_ROSTER, { ...printedSheet('1:1'), ...FROZEN_HEADER });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  sheet.addRow(COLUMNS.map((c) => c.header)).commit();
  return {
    addRow(values) {
      sheet.addRow(safeRow(values)).commit();
    },
    async finish(notes) {
      sheet.commit();
      const info = workbook.addWorksheet(SHEET_EXPORT_NOTES);
      info.columns = [{ width: 18 }, { width: 80 }];
      for (const line of notes) info.addRow(safeRow(line)).commit();
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
