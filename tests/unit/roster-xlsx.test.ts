// Reading and writing roster workbooks: the streaming reader against files exceljs writes (inline and
// shared strings, Chinese text across chunk boundaries, title rows, a notes sheet in front), the
// template, and the small HTTP helpers.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { attachmentHeader, isSameOrigin } from '@/lib/http';
import { COLUMNS, EXAMPLE_ID, SHEET_NOTES, SHEET_ROSTER, SHEET_VILLAGES } from '@/lib/roster/columns';
import { type Header, RosterChecker } from '@/lib/roster/parse';
import { WorkbookCells } from '@/lib/roster/sheet-reader';
import {
  fileKind,
  fileProblem,
  readRosterFile,
  rosterWorkbookBuffer,
  templateWorkbook,
  UnreadableWorkbook,
} from '@/lib/roster/xlsx';

const HEADERS = COLUMNS.map((c) => c.header);

async function readAll(buffer: Buffer) {
  const rows: { number: number; cells: unknown[] }[] = [];
  let header: Header | null = null;
  const read = await readRosterFile(buffer, {
    onSheet: (sheet) => ((header ??= sheet.header), true),
    onRow: (number, cells) => (rows.push({ number, cells }), true),
  });
  return { result: read.result, header: header as Header | null, rows, sheets: read.sheets };
}

/** Every cell different, mostly Chinese: 3-byte UTF-8 characters land on every possible chunk offset. */
function chineseRows(count: number): string[][] {
  const chars =
    '张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
  return Array.from({ length: count }, (_, i) =>
    COLUMNS.map((c, j) =>
      c.key === 'villageCode'
        ? '990102101201'
        : `${chars[(i * 7 + j) % chars.length]}${chars[(i * 13 + j * 3) % chars.length]}${i}📘`,
    ),
  );
}

describe('the streaming reader', () => {
  it('reads back what exceljs wrote, Chinese intact across chunk boundaries (exceljs#2063)', async () => {
    const rows = chineseRows(12_000); // several MB of XML: many inflate chunks
    const { result, header, rows: read } = await readAll(await rosterWorkbookBuffer(rows));
    expect(result).toBe('ok');
    expect(header?.columns).toEqual(Object.fromEntries(COLUMNS.map((c, i) => [c.key, i + 1])));
    expect(read).toHaveLength(rows.length);
    expect(read.every((row, i) => row.number === i + 2 && row.cells.slice(1).join('|') === rows[i].join('|'))).toBe(
      true,
    );
    expect(read.some((row) => row.cells.some((c) => typeof c === 'string' && c.includes('\ufffd')))).toBe(false);
  });

  it('reads shared strings, numbers, booleans and formulas from a workbook written the usual way', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet(SHEET_NOTES).addRow(['说明：请看第二张表']); // a notes sheet in front is skipped
    const sheet = workbook.addWorksheet(SHEET_ROSTER);
    sheet.addRow(['丰源县花名册（2026年）']); // a title row above the header
    sheet.addRow(HEADERS);
    sheet.addRow([
      990102101201,
      '3组 & <4组>',
      'x',
      '户主',
      { richText: [{ text: '张' }, { text: '三丰' }] },
      'y',
      13800138000,
      true,
    ]);
    sheet.addRow([]);
    sheet.addRow([{ formula: '"990102"&"101202"', result: '990102101202' }, '1组']);
    const { result, rows } = await readAll(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result).toBe('ok');
    expect(rows.map((r) => r.number)).toEqual([3, 5]);
    expect(rows[0].cells.slice(1)).toEqual([
      990102101201,
      '3组 & <4组>',
      'x',
      '户主',
      '张三丰',
      'y',
      13800138000,
      true,
    ]);
    expect(rows[1].cells.slice(1, 3)).toEqual(['990102101202', '1组']);
  });

  it('says when no sheet carries the roster header, and refuses what is not an .xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['姓名', '年龄']);
    expect((await readAll(Buffer.from(await workbook.xlsx.writeBuffer()))).result).toBe('noRosterSheet');
    await expect(WorkbookCells.open(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toBeInstanceOf(
      UnreadableWorkbook,
    );
    expect(fileProblem(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('xls');
    expect(fileKind(Buffer.from('姓名,身份证号\n'))).toBe('csv');
    expect(fileProblem(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'a.xlsx')).toBe('notXlsx');
    expect(fileProblem(await rosterWorkbookBuffer([]))).toBeNull();
  });

  it('reports progress in rows, ending with the exact count', async () => {
    const calls: [number, number][] = [];
    await readRosterFile(await rosterWorkbookBuffer(chineseRows(5_000)), {
      onSheet: () => true,
      onRow: () => true,
      onProgress: (d, t) => calls.push([d, t]),
    });
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)).toEqual([5_000, 5_000]);
    expect(calls.every(([done, total]) => done <= total)).toBe(true);
  });
});

describe('the template', () => {
  it("has the header, one example row, the notes and the user's villages; its example row is refused", async () => {
    const buffer = await templateWorkbook(
      [{ code: '990102101201', name: '青石村', township: '城关镇' }],
      '990102101201',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SHEET_ROSTER, SHEET_NOTES, SHEET_VILLAGES]);
    const roster = workbook.getWorksheet(SHEET_ROSTER)!;
    expect(roster.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(roster.rowCount).toBe(2);
    const notes = workbook.getWorksheet(SHEET_NOTES)!;
    const relationNote = notes.getRows(2, COLUMNS.length)!.find((r) => r.getCell(1).value === '与户主关系')!;
    expect(relationNote.getCell(3).value).toBe('户主、配偶、子女、儿媳/女婿、孙辈、父母、兄弟姐妹、其他');
    expect(workbook.getWorksheet(SHEET_VILLAGES)!.getRow(2).values).toEqual([
      undefined,
      '城关镇',
      '青石村',
      '990102101201',
    ]);

    const checker = new RosterChecker({ scopeCode: '990102', villages: new Set(['990102101201']) });
    await readRosterFile(buffer, {
      onSheet: ({ header }) => checker.setHeader(header).length === 0,
      onRow: (n, cells) => checker.addRow(n, cells),
    });
    const { rows, issues } = checker.finish();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ villageCode: '990102101201', relation: 'HEAD', householdKey: EXAMPLE_ID });
    expect(issues.map((i) => i.key)).toEqual(['roster.issues.exampleRow']);
  });
});

describe('HTTP helpers', () => {
  it('names the download in UTF-8 with an ASCII fallback (RFC 5987)', () => {
    expect(attachmentHeader('花名册-丰源县-2026-11-22.xlsx', 'roster-990102-2026-11-22.xlsx')).toBe(
      `attachment; filename="roster-990102-2026-11-22.xlsx"; filename*=UTF-8''${encodeURIComponent('花名册-丰源县-2026-11-22.xlsx')}`,
    );
    expect(attachmentHeader("a'(b).xlsx", 'a"b.xlsx')).toBe(
      `attachment; filename="a_b.xlsx"; filename*=UTF-8''a%27%28b%29.xlsx`,
    );
  });

  it('refuses a POST from another site', () => {
    const headers = (h: Record<string, string>) => new Headers({ host: 'bangfu.local:3000', ...h });
    expect(
      isSameOrigin(
        headers({ origin: 'http://bangfu.local:3000', 'sec-fetch-site': 'same-origin' }),
        'http://bangfu.local:3000/api',
      ),
    ).toBe(true);
    expect(
      isSameOrigin(
        headers({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
        'http://bangfu.local:3000/api',
      ),
    ).toBe(false);
    expect(isSameOrigin(headers({ origin: 'https://evil.example' }), 'http://bangfu.local:3000/api')).toBe(false);
    expect(isSameOrigin(headers({ 'sec-fetch-site': 'same-site' }), 'http://bangfu.local:3000/api')).toBe(false);
  });
});
