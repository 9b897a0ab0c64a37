// The roster files a county actually has (issue 15): each variant that was once imported wrong in silence,
// built here with exceljs (hidden sheets, merged two-row headers, formulas without results, error values) or
// as CSV bytes, read by the streaming reader and checked by the checker exactly as analyseRoster does.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COLUMNS, cleanText } from '@/lib/roster/columns';
import { decodeCsv } from '@/lib/roster/csv';
import { type FileCheck, isMaskedId, RosterChecker } from '@/lib/roster/parse';
import { fileKind, readRosterFile, type SheetOutcome } from '@/lib/roster/xlsx';
import { idCheckChar } from '@/lib/validation';

const TODAY = new Date('2026-06-01T12:00:00+08:00');
const VILLAGES = new Set(['990102101201', '990102101202']);
const V1 = '990102101201';
const V2 = '990102101202';

let serial = 0;
/** A valid ID number, different every call (county 990197 is in no seed). */
function newId(): string {
  serial += 1;
  const first17 = `99019719${String(50 + Math.floor(serial / 400)).padStart(2, '0')}0101${String((serial % 400) * 2 + 1).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

type Read = {
  check: FileCheck;
  sheets: SheetOutcome[];
  skipped: { sheet: string; header: string; reason: string }[];
  result: string;
  encoding?: string;
  masked: number;
};

/** Reads and checks a file as analyseRoster does (without the database). */
async function readAndCheck(buffer: Buffer, fileName = 'roster.xlsx'): Promise<Read> {
  const checker = new RosterChecker({ scopeCode: '990102', villages: VILLAGES, today: TODAY, year: 2026 });
  const skipped: Read['skipped'] = [];
  const read = await readRosterFile(
    buffer,
    {
      onSheet: ({ name, header }) => {
        expect(checker.setHeader(header)).toEqual([]);
        for (const c of header.skipped) skipped.push({ sheet: name, header: c.header, reason: c.reason });
        return true;
      },
      onRow: (row, cells) => checker.addRow(row, cells),
    },
    { fileName },
  );
  const masked = checker.maskedRows;
  return {
    check: checker.finish(),
    sheets: read.sheets,
    skipped,
    result: read.result,
    encoding: read.encoding,
    masked,
  };
}

const xlsx = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());
const BASIC = ['行政村区划代码', '村民小组', '户主身份证号', '与户主关系', '姓名', '身份证号'];
const issueKeys = (check: FileCheck) => check.issues.map((i) => [i.sheet, i.row, i.column, i.key]);

describe('sheets', () => {
  it('skips a hidden first sheet (an old roster) and reads the visible one, naming both', async () => {
    const workbook = new ExcelJS.Workbook();
    const old = workbook.addWorksheet('旧花名册', { state: 'hidden' });
    old.addRow(BASIC);
    const oldId = newId();
    old.addRow([V1, '1组', oldId, '户主', '旧户主', oldId]);
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRow(BASIC);
    const id = newId();
    sheet.addRow([V1, '2组', id, '户主', '新户主', id]);
    const { check, sheets } = await readAndCheck(await xlsx(workbook));
    expect(sheets).toEqual([
      { name: '旧花名册', status: 'hidden', rows: 0 },
      { name: '花名册', status: 'read', rows: 1, headerRow: 1, headerRows: 1 },
    ]);
    expect(check.rows.map((r) => r.name)).toEqual(['新户主']);
  });

  it('reads every sheet with a roster header (one per village), skipping a notes sheet; rows know their sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('填写说明').addRow(['请按模板填写']);
    const shared = newId();
    for (const [name, village] of [
      ['青石村', V1],
      ['白杨村', V2],
    ] as const) {
      const sheet = workbook.addWorksheet(name);
      sheet.addRow([`${name}花名册`]); // a title row above the header
      sheet.addRow(BASIC);
      const head = newId();
      sheet.addRow([village, '1组', head, '户主', `${name}户主`, head]);
      sheet.addRow([village, '1组', head, '配偶', `${name}配偶`, shared]); // the same person on both sheets
    }
    const { check, sheets } = await readAndCheck(await xlsx(workbook));
    expect(sheets.map((s) => [s.name, s.status, s.rows])).toEqual([
      ['填写说明', 'noHeader', 0],
      ['青石村', 'read', 2],
      ['白杨村', 'read', 2],
    ]);
    expect(check.rows.map((r) => [r.sheet, r.row, r.villageCode])).toEqual([
      [0, 3, V1],
      [0, 4, V1],
      [1, 3, V2],
      [1, 4, V2],
    ]);
    expect(check.households.size).toBe(2);
    // A duplicate across sheets names the other sheet's row.
    expect(check.issues).toEqual([
      { sheet: 0, row: 4, column: 'idNumber', key: 'roster.issues.duplicateId', params: { rows: '4（2）' } },
      { sheet: 1, row: 4, column: 'idNumber', key: 'roster.issues.duplicateId', params: { rows: '4（1）' } },
    ]);
  });
});

describe('two-row header', () => {
  it('names the six columns under a merged 两不愁三保障 by their sub-headers: “否” stays “否”, blank is not verified', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow([...BASIC, '两不愁三保障', '', '', '', '', '', '健康状况']);
    sheet.addRow([
      '',
      '',
      '',
      '',
      '',
      '',
      '不愁吃',
      '不愁穿',
      '义务教育有保障',
      '基本医疗有保障',
      '住房安全有保障',
      '饮水安全有保障',
      '',
    ]);
    sheet.mergeCells('G1:L1');
    for (const col of ['A', 'B', 'C', 'D', 'E', 'F', 'M']) sheet.mergeCells(`${col}1:${col}2`);
    const a = newId();
    const b = newId();
    sheet.addRow([V1, '1组', a, '户主', '甲', a, '是', '是', '否', '是', '否', '是', '健康']);
    sheet.addRow([V1, '2组', b, '户主', '乙', b, '否', '否', '', '是', '是', '否', '残疾']);
    const { check, sheets, skipped } = await readAndCheck(await xlsx(workbook));
    expect(sheets[0]).toMatchObject({ status: 'read', headerRow: 1, headerRows: 2, rows: 2 });
    expect(skipped).toEqual([]);
    expect(check.issues).toEqual([]);
    expect(check.facts.get(a)).toMatchObject({
      foodSecure: true,
      clothingSecure: true,
      educationSecure: false,
      medicalSecure: true,
      housingSecure: false,
      waterSecure: true,
    });
    expect(check.facts.get(b)).toMatchObject({
      foodSecure: false,
      clothingSecure: false,
      educationSecure: null, // blank: not verified, never "是"
      waterSecure: false,
    });
    expect(check.defaults).toContainEqual({
      column: 'educationSecure',
      value: '未核实',
      count: 1,
      unit: 'households',
      absent: false,
    });
    expect(check.rows.map((r) => r.health)).toEqual(['HEALTHY', 'DISABLED']);
  });

  it('takes an income year from the group header above the income columns', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow([...BASIC, '户状态', '识别年度', '脱贫年度', '2020年收入情况', '', '', '', '']);
    sheet.addRow([
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '工资性收入',
      '生产经营性收入',
      '财产性收入',
      '转移性收入',
      '人均纯收入',
    ]);
    const a = newId();
    sheet.addRow([V1, '1组', a, '户主', '甲', a, '已脱贫', 2016, 2020, 9000, 2000, 0, '1,000.40', 6000]);
    const m = newId();
    sheet.addRow([V1, '1组', a, '配偶', '乙', m]);
    const { check } = await readAndCheck(await xlsx(workbook));
    expect(check.issues).toEqual([]);
    expect(check.facts.get(a)).toMatchObject({
      status: 'LIFTED_OUT',
      identifiedYear: 2016,
      exitYear: 2020,
      incomes: [{ year: 2020, wage: 9000, production: 2000, property: 0, transfer: 1000 }],
    });
  });
});

describe('column names of the national register', () => {
  it('maps the usual synonyms and reads their values; names the columns it does not import and why', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('贫困人口明细');
    sheet.addRow([
      '序号',
      '行政村代码',
      '组别',
      '户主证件号码',
      '与户主的关系',
      '人员姓名',
      '证件号码',
      '健康情况',
      '劳动力状况',
      '在校生状况',
      '低保户类型',
      '主要致贫原因',
      '贫困户属性',
      '脱贫状态',
      '纳入年度',
      '文化程度',
      '帮扶措施',
      '户编号',
      '宠物',
    ]);
    const a = newId();
    const c = newId();
    sheet.addRow([
      1,
      V1,
      '3组',
      a,
      '户主',
      '王五',
      a,
      '长期慢性病',
      '弱劳动力或半劳动力',
      '非在校生',
      '一类低保户',
      '因病、缺技术',
      '低保贫困户',
      '未脱贫',
      '2015年',
      '小学',
      '产业扶持',
      'H1',
      '猫',
    ]);
    sheet.addRow([
      2,
      V1,
      '3组',
      a,
      '之子',
      '王小五',
      c,
      '健康',
      '普通劳动力',
      '七年级',
      '',
      '',
      '',
      '',
      '',
      '初中',
      '',
      'H1',
      '',
    ]);
    const { check, skipped } = await readAndCheck(await xlsx(workbook));
    expect(check.issues).toEqual([]);
    expect(check.rows.map((r) => [r.relation, r.health, r.labour, r.inSchool])).toEqual([
      ['HEAD', 'CHRONIC', 'WEAK', false],
      ['CHILD', 'HEALTHY', 'NORMAL', true],
    ]);
    expect(check.facts.get(a)).toMatchObject({
      allowance: 'DIBAO_1',
      povertyCauses: ['ILLNESS', 'LACK_OF_SKILLS'],
      status: 'REGISTERED_POOR',
      identifiedYear: 2015,
      exitYear: null,
    });
    expect(skipped.map((s) => [s.header, s.reason])).toEqual([
      ['序号', 'serial'],
      ['文化程度', 'noField'],
      ['帮扶措施', 'helpPlan'],
      ['户编号', 'householdNumber'],
      ['宠物', 'unknown'],
    ]);
    // No person default: health, labour and schooling were all given.
    expect(check.defaults.filter((d) => d.unit === 'people')).toEqual([]);
  });

  it('counts every default it applies, per column and value, and says when a column is absent', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow([...BASIC, '健康状况']);
    const a = newId();
    sheet.addRow([V1, '1组', a, '户主', '甲', a, '']);
    sheet.addRow([V1, '1组', a, '配偶', '乙', newId(), '残疾']);
    const { check } = await readAndCheck(await xlsx(workbook));
    const byColumn = Object.fromEntries(check.defaults.map((d) => [`${d.column}:${d.value}:${d.absent}`, d.count]));
    expect(byColumn).toMatchObject({
      'health:健康:false': 1, // one blank cell
      'labour:有劳动力:true': 2, // the column is missing: both people
      'inSchool:否:true': 2,
      'status:非贫困户:true': 1,
      'allowance:无:true': 1,
      'foodSecure:未核实:true': 1,
    });
  });

  it('reports a value it cannot read as a problem, never as a default', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow([...BASIC, '不愁吃', '健康状况', '户状态', '识别年度']);
    const a = newId();
    sheet.addRow([V1, '1组', a, '户主', '甲', a, '不清楚', '还行', '大概脱贫了', '去年']);
    const { check } = await readAndCheck(await xlsx(workbook));
    expect(issueKeys(check)).toEqual([
      [0, 2, 'health', 'roster.issues.unknownValue'],
      [0, 2, 'foodSecure', 'roster.issues.unknownValue'],
      [0, 2, 'status', 'roster.issues.unknownValue'],
      [0, 2, 'identifiedYear', 'roster.issues.unknownValue'],
    ]);
  });
});

describe('cells without a value', () => {
  it('reports a formula without its result and #N/A as such, not as “required”', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow([...BASIC, '健康状况']);
    const a = newId();
    sheet.addRow([V1, { formula: 'B3&"组"' }, a, '户主', '甲', a, { error: '#N/A' }]);
    const b = newId();
    sheet.addRow([V1, '1组', b, '户主', { error: '#REF!' }, b, '健康']);
    const { check } = await readAndCheck(await xlsx(workbook));
    expect(check.issues).toEqual([
      {
        sheet: 0,
        row: 2,
        column: 'groupName',
        header: '村民小组',
        key: 'roster.issues.formulaNoValue',
        params: { formula: '=B3&"组"' },
      },
      {
        sheet: 0,
        row: 2,
        column: 'health',
        header: '健康状况',
        key: 'roster.issues.cellError',
        params: { value: '#N/A' },
      },
      { sheet: 0, row: 3, column: 'name', header: '姓名', key: 'roster.issues.cellError', params: { value: '#REF!' } },
    ]);
  });
});

describe('text', () => {
  it('normalises names and groups: full-width, NBSP, U+3000, zero-width and control characters', async () => {
    expect(cleanText('\u200b３组\u00a0')).toBe('3组');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(BASIC);
    const a = newId();
    sheet.addRow([V1, '３组', a, '户主', '张\u3000三\u200b', a]);
    const b = newId();
    sheet.addRow([V1, '3 组\u0007', b, '户主', '\u00a0李四\ufeff', b]);
    const c = newId();
    sheet.addRow([V1, '3组', c, '户主', '𠮷祥', c]); // a rare character (outside the BMP) stays
    const { check } = await readAndCheck(await xlsx(workbook));
    expect(check.issues).toEqual([]);
    expect(check.rows.map((r) => [r.groupName, r.name])).toEqual([
      ['3组', '张三'],
      ['3组', '李四'],
      ['3组', '𠮷祥'],
    ]);
  });
});

describe('CSV', () => {
  const a = newId();
  const m = newId();
  const csv = `${BASIC.join(',')},健康状况,致贫原因\n${V1},１组,${a},户主,张三,${a},健康,"因病,缺资金"\r\n${V1},1组,${a},配偶,李秀英,${m},长期慢性病,\n`;

  it('reads BOM-UTF-8 and GBK alike, and says which encoding it read', async () => {
    const gbk = Buffer.from(
      // GBK bytes of the same text: encoded through the reverse of Node's decoder, one character at a time.
      [...csv].flatMap((ch) => [...gbkBytes(ch)]),
    );
    expect(decodeCsv(gbk).text).toBe(csv);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
    for (const [file, encoding] of [
      [gbk, 'gbk'],
      [bom, 'utf-8'],
    ] as const) {
      expect(fileKind(file, 'roster.csv')).toBe('csv');
      const read = await readAndCheck(file, '花名册.csv');
      expect(read.encoding).toBe(encoding);
      expect(read.sheets).toEqual([{ name: '花名册', status: 'read', rows: 2, headerRow: 1, headerRows: 1 }]);
      expect(read.check.issues).toEqual([]);
      expect(read.check.rows.map((r) => [r.groupName, r.name, r.health])).toEqual([
        ['1组', '张三', 'HEALTHY'],
        ['1组', '李秀英', 'CHRONIC'],
      ]);
      expect(read.check.facts.get(a)?.povertyCauses).toEqual(['ILLNESS', 'LACK_OF_FUNDS']);
    }
  });

  it('tells .xls and .ods (a fine file it cannot read) from a damaged file', () => {
    expect(fileKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'a.xls')).toBe('xls');
    const ods = Buffer.alloc(200);
    ods.writeUInt32LE(0x04034b50, 0);
    ods.write('mimetypeapplication/vnd.oasis.opendocument.spreadsheet', 30, 'latin1');
    expect(fileKind(ods, 'a.ods')).toBe('ods');
  });
});

/** GBK bytes of one character, found by searching the two-byte space with Node's GBK decoder (test only). */
const GBK = new Map<string, Buffer>();
function gbkBytes(ch: string): Buffer {
  if (ch.charCodeAt(0) < 0x80) return Buffer.from(ch, 'latin1');
  if (GBK.size === 0) {
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const bytes = Buffer.from([hi, lo]);
        const text = decoder.decode(bytes);
        if (text.length === 1 && !GBK.has(text)) GBK.set(text, bytes);
      }
  }
  const bytes = GBK.get(ch);
  if (!bytes) throw new Error(`no GBK for ${ch}`);
  return bytes;
}

describe('masked export', () => {
  it('recognises ID numbers with hidden digits and counts their rows', async () => {
    expect(isMaskedId('9901**********0037')).toBe(true);
    expect(isMaskedId('990102197803150037')).toBe(false);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRow(COLUMNS.map((c) => c.header));
    sheet.addRow([V1, '1组', '9901**********0037', '户主', '张三', '9901**********0037']);
    const { check, masked } = await readAndCheck(await xlsx(workbook));
    expect(masked).toBe(1);
    expect(issueKeys(check)).toContainEqual([0, 2, 'idNumber', 'roster.issues.maskedId']);
    expect(issueKeys(check).some(([, , , key]) => key === 'households.idFormat')).toBe(false);
  });
});

describe('contradictions between a household’s facts', () => {
  async function household(values: Record<string, unknown>, members = 1) {
    const headers = [...BASIC, ...Object.keys(values)];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(headers);
    const head = newId();
    sheet.addRow([V1, '1组', head, '户主', '甲', head, ...Object.values(values)]);
    for (let i = 1; i < members; i++) sheet.addRow([V1, '1组', head, '子女', `子${i}`, newId()]);
    const { check } = await readAndCheck(await xlsx(workbook));
    return check.issues.map((i) => [i.column, i.key, i.params ?? {}]);
  }

  it('exit year without an exited status; lifted out without an exit year or its income', async () => {
    expect(await household({ 户状态: '未脱贫', 识别年度: 2016, 脱贫年度: 2019 })).toEqual([
      ['exitYear', 'roster.issues.exitYearWithoutExit', { year: 2019, status: '建档立卡贫困户' }],
    ]);
    expect(await household({ 户状态: '已脱贫', 识别年度: 2016 })).toEqual([
      ['exitYear', 'roster.issues.exitYearMissing', {}],
    ]);
    expect(await household({ 户状态: '已脱贫', 识别年度: 2016, 脱贫年度: 2019, '2018年工资性收入': 9000 })).toEqual([
      ['perCapita', 'roster.issues.exitIncomeMissing', { year: 2019 }],
    ]);
  });

  it('identified after exit, identified but not poor, a year in the future', async () => {
    expect(
      await household({ 户状态: '已脱贫', 识别年度: 2019, 脱贫年度: 2017, 收入年度: 2017, 工资性收入: 1 }),
    ).toEqual([['exitYear', 'roster.issues.exitBeforeIdentified', { exit: 2017, identified: 2019 }]]);
    expect(await household({ 户状态: '非贫困户', 识别年度: 2016 })).toEqual([
      ['identifiedYear', 'roster.issues.identifiedNotPoor', { year: 2016 }],
    ]);
    expect(await household({ 户状态: '未脱贫', 识别年度: 2030 })).toEqual([
      ['identifiedYear', 'roster.issues.yearFuture', { year: 2030, now: 2026 }],
      ['identifiedYear', 'roster.issues.identifiedYearMissing', { status: '建档立卡贫困户' }],
    ]);
  });

  it('per-capita income that the components do not make, per-capita alone, 低保贫困户 without its class', async () => {
    expect(await household({ 收入年度: 2020, 工资性收入: 10000, 转移性收入: 2000, 人均可支配收入: 5000 }, 2)).toEqual([
      ['perCapita', 'roster.issues.perCapitaMismatch', { year: 2020, given: 5000, computed: 6000, members: 2 }],
    ]);
    expect(await household({ '2020年人均纯收入': 5000 })).toEqual([
      ['perCapita', 'roster.issues.perCapitaOnly', { year: 2020 }],
    ]);
    expect(await household({ 贫困户属性: '低保贫困户', 识别年度: 2016 })).toEqual([
      ['allowance', 'roster.issues.dibaoClass', {}],
    ]);
    expect(await household({ 贫困户属性: '一般贫困户', 低保类型: '二类低保', 识别年度: 2016 })).toEqual([
      ['allowance', 'roster.issues.kindAllowance', { kind: '一般贫困户', allowance: '二类低保' }],
    ]);
  });
});

describe('the template and its column guide', () => {
  it('lists every column the import reads with its allowed values and the other names it knows', async () => {
    const { templateWorkbook } = await import('@/lib/roster/xlsx');
    const buffer = await templateWorkbook([{ code: V1, name: '青石村', township: '城关镇' }], V1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
    const roster = workbook.getWorksheet('花名册');
    expect(roster?.getRow(1).values).toEqual([undefined, ...COLUMNS.map((c) => c.header)]);
    const guide = workbook.getWorksheet('填写说明');
    expect(guide?.getRow(1).values).toEqual([undefined, '列名', '必填', '可填的值', '说明', '也认得的列名']);
    const rows = new Map<string, unknown[]>();
    guide?.eachRow((row) => rows.set(String(row.getCell(1).value), row.values as unknown[]));
    expect(rows.get('健康状况')?.[5]).toContain('健康情况');
    expect(rows.get('劳动能力')?.[5]).toContain('劳动力状况');
    expect(rows.get('低保类型')?.[5]).toContain('低保户类型');
    expect(rows.get('致贫原因')?.[5]).toContain('主要致贫原因');
    expect(rows.get('户状态')?.[3]).toContain('已脱贫');
    expect(rows.get('吃穿不愁')?.[4]).toContain('两项同记');
    expect(String(rows.get('不愁吃')?.[4])).toContain('留空为“未核实”');
  });

  it('reads 吃穿不愁 in one column as both items, and a disagreeing 不愁吃 is a problem', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow([...BASIC, '吃穿不愁', '不愁吃']);
    const a = newId();
    const b = newId();
    sheet.addRow([V1, '1组', a, '户主', '甲', a, '否', '']);
    sheet.addRow([V1, '1组', b, '户主', '乙', b, '是', '否']);
    const { check } = await readAndCheck(await xlsx(workbook));
    expect(check.facts.get(a)).toMatchObject({ foodSecure: false, clothingSecure: false });
    expect(issueKeys(check)).toEqual([[0, 3, 'foodSecure', 'roster.issues.notAsColumn']]);
  });
});
