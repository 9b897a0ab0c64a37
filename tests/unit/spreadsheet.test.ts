// Every export as a county office opens it: text that starts like a formula stays text (a CSV re-save
// would make it live), A4 landscape one page wide with the header repeated, ledger rows tall enough for
// their wrapped text, and the roster's own export read back unchanged.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { attendanceSheetXlsx } from '@/lib/attendance/sheet';
import { pairingRosterXlsx, ROSTER_COLUMNS } from '@/lib/pairings/sheet';
import { LEDGER_COLUMNS, type LedgerSheetRow, rectificationLedgerXlsx } from '@/lib/problems/sheet';
import { COLUMNS, cleanText } from '@/lib/roster/columns';
import { rosterWriter, templateWorkbook } from '@/lib/roster/xlsx';
import { fitWrappedRows, safeCell, textWidth, xlsxBuffer } from '@/lib/spreadsheet';

const HOSTILE = ['=HYPERLINK("http://x","点我")', '+86 138 0000 0000', '-2+3', '@SUM(A1)', '\t=1+1', '\n=1+1'];

async function load(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Every string cell of every sheet. */
function texts(workbook: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') out.push(cell.value);
      }),
    ),
  );
  return out;
}

function expectNoLiveText(workbook: ExcelJS.Workbook) {
  const all = texts(workbook);
  expect(all.length).toBeGreaterThan(0);
  expect(all.filter((text) => /^[=+\-@\t\r\n]/.test(text))).toEqual([]);
  for (const hostile of HOSTILE) expect(all).toContain(`'${hostile}`);
}

function expectA4Landscape(sheet: ExcelJS.Worksheet, titleRows?: string) {
  expect(sheet.pageSetup.paperSize).toBe(9);
  expect(sheet.pageSetup.orientation).toBe('landscape');
  expect(sheet.pageSetup.fitToWidth).toBe(1);
  expect(sheet.pageSetup.fitToHeight).toBe(0);
  if (titleRows) expect(sheet.pageSetup.printTitlesRow).toBe(titleRows);
}

function ledgerRow(overrides: Partial<LedgerSheetRow>): LedgerSheetRow {
  const row = Object.fromEntries(
    LEDGER_COLUMNS.filter((c) => c !== 'index').map((c) => [c, '甲']),
  ) as unknown as LedgerSheetRow;
  return { ...row, isOverdue: false, ...overrides };
}

describe('the kernel', () => {
  it('quotes only text that a spreadsheet would read as a formula', () => {
    expect(HOSTILE.map(safeCell)).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(safeCell('张三')).toBe('张三');
    expect(safeCell('a=b')).toBe('a=b');
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBe(null);
  });

  it('counts a Chinese character as two columns', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('张三')).toBe(4);
    expect(textWidth('３组')).toBe(4);
    expect(textWidth('𠀀')).toBe(2);
  });

  it('makes a row as tall as its longest wrapped cell, new lines included', () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.getColumn(1).width = 11; // 10 units of text: five Chinese characters a line
    sheet.getColumn(2).width = 11;
    sheet.addRow(['短', '短']);
    sheet.addRow(['一二三四五六七八九十一', '短']); // 11 characters: 3 lines
    sheet.addRow(['一\n二\n三\n四', '一二三四五六']); // 4 lines beside 2
    fitWrappedRows(sheet, [1, 2], 1);
    expect(sheet.getRow(1).height).toBeUndefined();
    expect(sheet.getRow(2).height).toBe(45);
    expect(sheet.getRow(3).height).toBe(60);
  });

  it('neutralises every string cell of a workbook, merged titles included', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.mergeCells(1, 1, 1, 3);
    sheet.getCell(1, 1).value = HOSTILE[0];
    for (const hostile of HOSTILE) sheet.addRow([hostile, 1, '正常']);
    expectNoLiveText(await load(await xlsxBuffer(workbook)));
  });
});

describe('every export', () => {
  it('the rectification ledger: safe text, A4 with its header repeated, rows fitted to the description', async () => {
    const long = '该户住房屋顶漏雨，墙体有裂缝，需要乡镇组织鉴定后纳入危房改造计划，资金由县住建局安排。'.repeat(2);
    const rows = [...HOSTILE.map((h) => ledgerRow({ description: h, household: h })), ledgerRow({ description: long })];
    const headers = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, c])) as Record<
      (typeof LEDGER_COLUMNS)[number],
      string
    >;
    const workbook = await load(await rectificationLedgerXlsx({ title: '台账', subtitle: '2026', headers, rows }));
    expectNoLiveText(workbook);
    const sheet = workbook.worksheets[0];
    expectA4Landscape(sheet, '3:3');
    const longRow = sheet.getRow(3 + rows.length);
    expect(longRow.getCell(LEDGER_COLUMNS.indexOf('description') + 1).value).toBe(long);
    // 88 characters = 176 units in a column of 34 (33 units a line): 6 lines of 15 points.
    expect(longRow.height).toBe(90);
  });

  it('the pairing roster', async () => {
    const row = (text: string) => ({
      township: '城关镇',
      village: text,
      group: '1组',
      headName: text,
      status: '未脱贫',
      memberCount: 3,
      cadreName: '李四',
      rank: '科级',
      unitName: text,
      phone: text,
      startedOn: '2026-01-01',
    });
    const columns = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, c])) as Record<
      (typeof ROSTER_COLUMNS)[number],
      string
    >;
    const workbook = await load(await pairingRosterXlsx(HOSTILE.map(row), { title: '花名册', columns }));
    expectNoLiveText(workbook);
    expectA4Landscape(workbook.worksheets[0], '2:2');
  });

  it('the attendance sheet', async () => {
    const rows = HOSTILE.map((h) => ({
      name: h,
      role: 'MEMBER' as const,
      unitName: h,
      cells: {},
      days: 0,
      nights: 0,
      away: { LEAVE: 0, TRAINING: 0, MEETING: 0, BUSINESS_TRIP: 0 },
      marked: 0,
    }));
    const headers = new Proxy({}, { get: (_, key) => String(key) }) as never;
    const workbook = await load(
      await attendanceSheetXlsx({
        dates: ['2026-03-01', '2026-03-02'],
        rows,
        labels: {
          title: '考勤表',
          legend: '图例',
          signed: '签字',
          leaderLine: '队长',
          headers,
          roles: { LEADER: '队长', DEPUTY: '副队长', MEMBER: '队员' } as never,
          short: new Proxy({}, { get: () => '√' }) as never,
        },
      }),
    );
    expectNoLiveText(workbook);
    expectA4Landscape(workbook.worksheets[0], '2:2');
  });

  it('the roster export: safe text, A4 with the header repeated, and read back as it was', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => out.on('end', resolve));
    const writer = rosterWriter(out);
    for (const hostile of HOSTILE) writer.addRow(COLUMNS.map(() => hostile));
    await writer.finish([['导出', HOSTILE[0]]]);
    await ended;
    const workbook = await load(Buffer.concat(chunks));
    expectNoLiveText(workbook);
    expectA4Landscape(workbook.worksheets[0], '1:1');
    // The import takes the quote off again (tab and carriage return are cleaned away as any control character).
    expect(cleanText(`'${HOSTILE[0]}`)).toBe(HOSTILE[0]);
    expect(cleanText(`'${HOSTILE[1]}`)).toBe(HOSTILE[1]);
    expect(cleanText("'张三")).toBe("'张三");
  });

  it('the template: village names from the database are safe too', async () => {
    const workbook = await load(
      await templateWorkbook([{ code: '990102101201', name: HOSTILE[0], township: HOSTILE[3] }], '990102101201'),
    );
    expect(texts(workbook)).toContain(`'${HOSTILE[0]}`);
    expect(texts(workbook).filter((text) => /^[=+\-@\t\r\n]/.test(text))).toEqual([]);
  });
});
