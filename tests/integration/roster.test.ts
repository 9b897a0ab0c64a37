// Roster import and export against the real database: check → report (nothing written) → confirm →
// households, members and status events in one go, audited → the same file again changes nothing;
// areas and permissions enforced on the server; the export streamed, masked and audited.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportRoute } from '@/app/api/roster/export/route';
import { POST as importRoute } from '@/app/api/roster/import/route';
import type { Viewer } from '@/lib/auth/data';
import { db } from '@/lib/db';
import { listDuplicateHits } from '@/lib/households/data';
import { DUPLICATE_HITS_PER_DAY } from '@/lib/households/rules';
import { pairHousehold } from '@/lib/pairings/actions';
import { decryptText, lookupHash } from '@/lib/personal-data';
import { COLUMNS, type ColumnKey } from '@/lib/roster/columns';
import { checkRoster, importRoster } from '@/lib/roster/commands';
import { prepareRosterExport, rosterTemplate } from '@/lib/roster/data';
import { rosterWorkbookBuffer } from '@/lib/roster/xlsx';
import { chinaYear } from '@/lib/time';
import { idCheckChar } from '@/lib/validation';
import { makeCadre, makeUser } from '../support/teams';
import { lastAudit, run, signInAs, signOutAll } from './helpers';

const VILLAGE_A = '990102101204'; // township 1
const VILLAGE_B = '990102101205'; // township 1
const VILLAGE_T2 = '990102102204'; // township 2
const OTHER_COUNTY_VILLAGE = '990103101201';

// ID numbers of a county code no seed uses; the birth year moves per run so reruns on one database do not collide.
const YEAR = 1940 + Math.floor(Math.random() * 40);
let serial = 0;
function newId(male = true): string {
  serial += 1;
  const first17 = `990196${YEAR}0${1 + (serial % 9)}${String(10 + (Math.floor(serial / 9) % 18))}${String((serial % 450) * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

type Row = Partial<Record<ColumnKey, string>>;
const toCells = (row: Row) => COLUMNS.map((c) => row[c.key] ?? '');

/** A household of `size` people in `village`; the head's row carries the household columns. */
function household(village: string, size: number, over: { head?: Row; members?: Row } = {}): Row[] {
  const head = newId();
  return Array.from({ length: size }, (_, i) => ({
    villageCode: village,
    groupName: '2组',
    headIdNumber: head,
    relation: i === 0 ? '户主' : i === 1 ? '配偶' : '子女',
    name: `${i === 0 ? '赵' : '孙'}导入${serial}`,
    idNumber: i === 0 ? head : newId(i % 2 === 0),
    health: i === 2 ? '长期慢性病' : '健康',
    labour: '有劳动力',
    inSchool: i >= 2 ? '是' : '否',
    ...(i === 0
      ? {
          phone: '13912345678',
          allowance: '二类低保',
          povertyCauses: '因病、缺技术',
          housingSecure: '否',
          ...over.head,
        }
      : over.members),
  }));
}

const fileOf = (rows: Row[]) => rosterWorkbookBuffer(rows.map(toCells));
const hashes = (rows: Row[]) => rows.map((r) => lookupHash(r.idNumber!));
const peopleOf = (rows: Row[]) => db.person.count({ where: { idNumberHash: { in: hashes(rows) } } });

async function readWorkbook(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  return workbook;
}

async function exportAs(viewer: Viewer, area: string) {
  const prepared = await prepareRosterExport(viewer, area);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  const { rows } = await prepared.write(out);
  await ended;
  return { prepared, buffer: Buffer.concat(chunks), rows };
}

describe('roster import', () => {
  const good1 = household(VILLAGE_A, 4);
  const good2 = household(VILLAGE_B, 2);
  const bad = household(VILLAGE_A, 3);
  bad[1].idNumber = `${bad[1].idNumber!.slice(0, 17)}${bad[1].idNumber!.endsWith('0') ? '1' : '0'}`; // wrong check digit
  const rows = [...good1, ...bad, ...good2];
  let file: Buffer;
  let fileHash: string;

  beforeAll(async () => {
    file = await fileOf(rows);
  });

  it('checks the file and reports the bad row, writing nothing', async () => {
    const county = await signInAs('county');
    const result = await checkRoster(county, { file, fileName: '花名册.xlsx', locale: 'zh-CN' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    fileHash = result.report.fileHash;
    expect(result.report.counts).toEqual({
      rows: 9,
      households: 3,
      validRows: 8,
      errorRows: 1,
      existingRows: 0,
      existingHouseholds: 0,
      blockedRows: 2,
      errorHouseholds: 1,
      newRows: 6,
      newHouseholds: 2,
    });
    expect(result.report.issues).toEqual([
      { sheet: null, row: 7, column: '身份证号', message: '身份证号校验位不对，请逐位核对' },
    ]);
    expect(result.report.imported).toBe(false);
    expect(await peopleOf(rows)).toBe(0);
    const audit = await lastAudit('roster.validate');
    expect(audit).toMatchObject({ result: 'OK', username: 'county', regionCode: '990102' });
    expect(audit!.changes).toMatchObject({ fileName: '花名册.xlsx', rows: 9, errorRows: 1, newRows: 6, issues: 1 });
  });

  it('refuses to confirm a file other than the one checked', async () => {
    const county = await signInAs('county');
    const other = await fileOf(good1);
    const result = await importRoster(county, {
      file: other,
      fileName: 'x.xlsx',
      locale: 'zh-CN',
      expectedHash: fileHash,
    });
    expect(result).toMatchObject({ ok: false, status: 409 });
    expect(await peopleOf(rows)).toBe(0);
  });

  it('imports the valid households with their members and a status event, in one audited write', async () => {
    const county = await signInAs('county');
    const householdsBefore = await db.household.count();
    const result = await importRoster(county, {
      file,
      fileName: '花名册.xlsx',
      locale: 'zh-CN',
      expectedHash: fileHash,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report).toMatchObject({ imported: true, counts: { newHouseholds: 2, newRows: 6, errorRows: 1 } });
    expect(await db.household.count()).toBe(householdsBefore + 2);
    expect(await peopleOf(good1)).toBe(4);
    expect(await peopleOf(good2)).toBe(2);
    expect(await peopleOf(bad)).toBe(0); // the whole household with the bad row is skipped

    const head = await db.person.findUniqueOrThrow({
      where: { idNumberHash: lookupHash(good1[0].idNumber!) },
      include: { household: { include: { members: true, statusEvents: true } } },
    });
    expect(head).toMatchObject({
      isHead: true,
      relation: 'HEAD',
      name: good1[0].name,
      regionCode: VILLAGE_A,
      idLast4: good1[0].idNumber!.slice(-4),
      sex: 'MALE',
    });
    expect(decryptText(head.idNumberEnc)).toBe(good1[0].idNumber);
    expect(head.household).toMatchObject({
      regionCode: VILLAGE_A,
      groupName: '2组',
      headName: good1[0].name,
      status: 'NOT_POOR',
      memberCount: 4,
      allowance: 'DIBAO_2',
      povertyCauses: ['ILLNESS', 'LACK_OF_SKILLS'],
      housingSecure: false,
      foodSecure: null, // blank: not verified (never "met" by default)
      identifiedYear: null,
      exitYear: null,
    });
    expect(decryptText(head.household.phoneEnc!)).toBe('13912345678');
    expect(head.household.members.map((m) => m.relation).sort()).toEqual(['CHILD', 'CHILD', 'HEAD', 'SPOUSE']);
    expect(head.household.members.find((m) => m.relation === 'CHILD' && m.health === 'CHRONIC')).toMatchObject({
      inSchool: true,
    });
    expect(head.household.statusEvents).toEqual([
      expect.objectContaining({ toStatus: 'NOT_POOR', fromStatus: null, note: '导入', userId: county.userId }),
    ]);

    const audit = await lastAudit('roster.import');
    expect(audit).toMatchObject({ result: 'OK', username: 'county', entity: 'Roster' });
    expect(audit!.changes).toMatchObject({
      rows: 9,
      writtenHouseholds: 2,
      writtenPeople: 6,
      errorRows: 1,
      existingRows: 0,
    });
  });

  it('changes nothing when the same file is imported again: everyone is already registered', async () => {
    const county = await signInAs('county');
    const [households, people, events] = await Promise.all([
      db.household.count(),
      db.person.count(),
      db.statusEvent.count(),
    ]);
    const result = await importRoster(county, {
      file,
      fileName: '花名册.xlsx',
      locale: 'zh-CN',
      expectedHash: fileHash,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.counts).toMatchObject({
      existingRows: 6,
      existingHouseholds: 2,
      newRows: 0,
      newHouseholds: 0,
      errorRows: 1,
    });
    expect([await db.household.count(), await db.person.count(), await db.statusEvent.count()]).toEqual([
      households,
      people,
      events,
    ]);
    expect((await lastAudit('roster.import'))!.changes).toMatchObject({ writtenPeople: 0, existingRows: 6 });
  });

  it("refuses villages outside the user's area, row by row", async () => {
    const township = await signInAs('township'); // township 990102101
    const mine = household(VILLAGE_B, 2);
    const theirs = household(VILLAGE_T2, 2);
    const foreign = household(OTHER_COUNTY_VILLAGE, 1);
    const outside = await fileOf([...mine, ...theirs, ...foreign]);
    const checked = await checkRoster(township, { file: outside, fileName: 'x.xlsx', locale: 'zh-CN' });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.report.issues).toEqual([
      { sheet: null, row: 4, column: '行政村区划代码', message: '该村不在您的管辖范围内' },
      { sheet: null, row: 5, column: '行政村区划代码', message: '该村不在您的管辖范围内' },
      { sheet: null, row: 6, column: '行政村区划代码', message: '该村不在您的管辖范围内' },
    ]);
    const imported = await importRoster(township, {
      file: outside,
      fileName: 'x.xlsx',
      locale: 'zh-CN',
      expectedHash: checked.report.fileHash,
    });
    expect(imported).toMatchObject({ ok: true, report: { counts: { newRows: 2, errorRows: 3 } } });
    expect(await peopleOf([...theirs, ...foreign])).toBe(0);
    expect(await peopleOf(mine)).toBe(2);

    const county2 = await signInAs('county2'); // another county: the demo county's villages are outside
    const refused = await checkRoster(county2, {
      file: await fileOf(household(VILLAGE_A, 1)),
      fileName: 'x.xlsx',
      locale: 'zh-CN',
    });
    expect(refused.ok && refused.report.issues.map((i) => i.message)).toEqual(['该村不在您的管辖范围内']);
  });

  it('refuses a role without household.import, and audits the refusal', async () => {
    const leader = await signInAs('leader');
    const small = await fileOf(household(VILLAGE_A, 1));
    const hash = 'a'.repeat(64);
    const forbidden = 'NEXT_HTTP_ERROR_FALLBACK;403';
    await expect(checkRoster(leader, { file: small, fileName: 'x.xlsx', locale: 'zh-CN' })).rejects.toThrow(forbidden);
    await expect(
      importRoster(leader, { file: small, fileName: 'x.xlsx', locale: 'zh-CN', expectedHash: hash }),
    ).rejects.toThrow(forbidden);
    await expect(rosterTemplate(leader)).rejects.toThrow(forbidden);
    // The route refuses (and audits) before it reads the file; signed out is 401.
    const post = (query: string) =>
      importRoute(
        new NextRequest(`http://localhost/api/roster/import${query}`, {
          method: 'POST',
          body: new Uint8Array(small),
          headers: { origin: 'http://localhost', host: 'localhost' },
        }),
      );
    const refused = await post('');
    expect(refused.status).toBe(403);
    expect(JSON.parse(await refused.text())).toMatchObject({ type: 'error', message: '您的账号没有这项操作的权限。' });
    expect(await lastAudit('roster.validate')).toMatchObject({ result: 'REFUSED', username: 'leader' });
    expect((await post(`?confirm=${hash}`)).status).toBe(403);
    expect(await lastAudit('roster.import')).toMatchObject({ result: 'REFUSED', username: 'leader' });
    signOutAll();
    expect((await post(`?confirm=${hash}`)).status).toBe(401);
  });

  it('explains a file it cannot use, and audits it as invalid', async () => {
    const county = await signInAs('county');
    const notXlsx = await checkRoster(county, {
      file: Buffer.from('姓名,身份证号\n张三,1\n'),
      fileName: 'a.csv',
      locale: 'zh-CN',
    });
    expect(notXlsx).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('找不到花名册的表头') });
    const xls = await checkRoster(county, {
      file: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      fileName: 'a.xls',
      locale: 'zh-CN',
    });
    expect(xls).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining('“另存为”Excel 工作簿（.xlsx）'),
    });
    const ods = Buffer.alloc(300);
    ods.writeUInt32LE(0x04034b50, 0);
    ods.write('mimetypeapplication/vnd.oasis.opendocument.spreadsheet', 30, 'latin1');
    const odsResult = await checkRoster(county, { file: ods, fileName: 'a.ods', locale: 'zh-CN' });
    expect(odsResult).toMatchObject({ ok: false, message: expect.stringContaining('文件本身没有问题') });
    expect(odsResult.ok || odsResult.message.includes('损坏')).toBe(false);
    const missing = await checkRoster(county, {
      file: await rosterWorkbookBuffer([['张三']], ['姓名', '身份证号', '户主身份证号', '与户主关系']),
      fileName: 'b.xlsx',
      locale: 'zh-CN',
    });
    expect(missing).toMatchObject({
      ok: false,
      message: '工作表“花名册”缺少必需的列：行政村区划代码、村民小组。请使用模板的列名。',
    });
    const tooLarge = await checkRoster(county, {
      file: Buffer.alloc(0),
      bytes: 31 * 1024 * 1024,
      fileName: 'c.xlsx',
      locale: 'zh-CN',
    });
    expect(tooLarge).toMatchObject({
      ok: false,
      status: 413,
      message: '文件超过 30 MB，请按乡镇或村拆成几个文件分别导入。',
    });
    expect(await lastAudit('roster.validate')).toMatchObject({ result: 'INVALID', message: 'roster.file.tooLarge' });
  });

  it('answers the upload route in NDJSON: progress lines, then the report', async () => {
    await signInAs('county');
    const body = await fileOf(household(VILLAGE_B, 3));
    const response = await importRoute(
      new NextRequest('http://localhost/api/roster/import', {
        method: 'POST',
        body: new Uint8Array(body),
        headers: { 'x-file-name': encodeURIComponent('三组.xlsx'), origin: 'http://localhost', host: 'localhost' },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.some((l) => l.type === 'progress' && l.phase === 'read')).toBe(true);
    expect(lines.at(-1)).toMatchObject({
      type: 'report',
      report: { fileName: '三组.xlsx', counts: { rows: 3, newRows: 3 }, imported: false },
    });

    const crossSite = await importRoute(
      new NextRequest('http://localhost/api/roster/import', {
        method: 'POST',
        body: new Uint8Array(body),
        headers: { origin: 'https://evil.example', host: 'localhost' },
      }),
    );
    expect(crossSite.status).toBe(403);
  });
});

describe('roster import of the register as it is (issue 15)', () => {
  it('imports status, years, yearly income, 贫困户属性 and the six guarantees from every village sheet; reports sheets, columns and defaults', async () => {
    const county = await signInAs('county');
    const workbook = new ExcelJS.Workbook();
    const hidden = workbook.addWorksheet('旧表', { state: 'hidden' });
    hidden.addRow(['行政村区划代码', '村民小组', '户主身份证号', '与户主关系', '姓名', '身份证号']);
    const lifted = newId();
    const poor = newId();
    const spouse = newId();
    const header = [
      '行政村区划代码',
      '村民小组',
      '户主身份证号',
      '与户主关系',
      '姓名',
      '身份证号',
      '贫困户属性',
      '低保类型',
      '户状态',
      '识别年度',
      '脱贫年度',
      '2019年工资性收入',
      '2019年转移性收入',
      '2019年人均纯收入',
      '不愁吃',
      '住房安全有保障',
      '民族',
    ];
    const a = workbook.addWorksheet('青石村');
    a.addRow(header);
    a.addRow([
      VILLAGE_A,
      '１组',
      lifted,
      '户主',
      '钱\u3000脱贫',
      lifted,
      '低保贫困户',
      '一类低保',
      '已脱贫',
      2016,
      2019,
      8000,
      2000,
      5000,
      '是',
      '否',
      '汉族',
    ]);
    a.addRow([VILLAGE_A, '1组', lifted, '配偶', '李配偶', spouse, '', '', '', '', '', '', '', '', '', '', '汉族']);
    const b = workbook.addWorksheet('白杨村');
    b.addRow(header);
    b.addRow([
      VILLAGE_B,
      '2组',
      poor,
      '户主',
      '钱未脱',
      poor,
      '一般贫困户',
      '',
      '未脱贫',
      2018,
      '',
      '',
      '',
      '',
      '',
      '',
      '回族',
    ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const checked = await checkRoster(county, { file, fileName: '两村.xlsx', locale: 'zh-CN' });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.report.issues).toEqual([]);
    expect(checked.report.sheets.map((s) => [s.name, s.status, s.rows])).toEqual([
      ['旧表', 'hidden', 0],
      ['青石村', 'read', 2],
      ['白杨村', 'read', 1],
    ]);
    expect(checked.report.skippedColumns).toEqual([
      { sheet: '青石村', column: 'Q', header: '民族', reason: '本系统没有这一项，未导入' },
      { sheet: '白杨村', column: 'Q', header: '民族', reason: '本系统没有这一项，未导入' },
    ]);
    expect(checked.report.defaults).toContainEqual({
      column: '健康状况',
      value: '健康',
      count: 3,
      unit: 'people',
      absent: true,
    });
    expect(checked.report.defaults).toContainEqual({
      column: '不愁吃',
      value: '未核实',
      count: 1,
      unit: 'households',
      absent: false,
    });

    const imported = await importRoster(county, {
      file,
      fileName: '两村.xlsx',
      locale: 'zh-CN',
      expectedHash: checked.report.fileHash,
    });
    expect(imported).toMatchObject({ ok: true, report: { counts: { newHouseholds: 2, newRows: 3 } } });
    const one = await db.person.findUniqueOrThrow({
      where: { idNumberHash: lookupHash(lifted) },
      include: { household: { include: { incomes: true, statusEvents: true } } },
    });
    expect(one.name).toBe('钱脱贫');
    expect(one.household).toMatchObject({
      groupName: '1组',
      status: 'LIFTED_OUT',
      identifiedYear: 2016,
      exitYear: 2019,
      allowance: 'DIBAO_1',
      foodSecure: true,
      housingSecure: false,
      clothingSecure: null,
    });
    expect(one.household.incomes).toEqual([
      expect.objectContaining({ year: 2019, wageYuan: 8000, productionYuan: 0, propertyYuan: 0, transferYuan: 2000 }),
    ]);
    expect(one.household.statusEvents).toEqual([expect.objectContaining({ toStatus: 'LIFTED_OUT', note: '导入' })]);
    const two = await db.person.findUniqueOrThrow({
      where: { idNumberHash: lookupHash(poor) },
      include: { household: true },
    });
    expect(two.household).toMatchObject({
      status: 'REGISTERED_POOR',
      identifiedYear: 2018,
      exitYear: null,
      allowance: 'NONE',
    });
  });

  it('refuses a masked export and a file whose only roster is on a hidden sheet, saying so', async () => {
    const county = await signInAs('county');
    const prepared = await exportAs(await signInAs('leader'), '990102');
    expect(prepared.rows).toBeGreaterThan(0);
    const masked = await checkRoster(county, { file: prepared.buffer, fileName: '导出.xlsx', locale: 'zh-CN' });
    expect(masked).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining('隐去了身份证号中间位的导出文件'),
    });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册', { state: 'hidden' });
    sheet.addRow(COLUMNS.map((c) => c.header));
    workbook.addWorksheet('说明').addRow(['见隐藏表']);
    const hiddenOnly = await checkRoster(county, {
      file: Buffer.from(await workbook.xlsx.writeBuffer()),
      fileName: 'h.xlsx',
      locale: 'zh-CN',
    });
    expect(hiddenOnly).toMatchObject({ ok: false, message: expect.stringContaining('只有隐藏的工作表（花名册）') });
  });
});

describe('一户一策 from the roster (issue 15)', () => {
  it("imports this year's plan with its measures, no cadre until the household is paired; the export carries it back", async () => {
    const county = await signInAs('county');
    const rows = household(VILLAGE_A, 2, {
      head: {
        status: '建档立卡贫困户',
        identifiedYear: '2016',
        incomeTarget: '3000',
        measure_INDUSTRY: '养殖肉牛 2 头',
        measureYuan_INDUSTRY: '5000.4',
        measureStatus_INDUSTRY: '实施中',
        measure_EDUCATION: '雨露计划',
      },
    });
    const file = await fileOf(rows);
    const checked = await checkRoster(county, { file, fileName: '一户一策.xlsx', locale: 'zh-CN' });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.report.issueCount).toBe(0);
    expect(checked.report.defaults).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ column: '教育帮扶进度', value: '计划', count: 1 }),
        expect.objectContaining({ column: '产业帮扶资金', count: 1, rounded: true }),
      ]),
    );
    const result = await importRoster(county, {
      file,
      fileName: '一户一策.xlsx',
      locale: 'zh-CN',
      expectedHash: checked.report.fileHash,
    });
    expect(result.ok && result.report.counts.newHouseholds).toBe(1);

    const head = await db.person.findUniqueOrThrow({ where: { idNumberHash: lookupHash(rows[0].idNumber!) } });
    const plan = await db.helpPlan.findFirstOrThrow({
      where: { householdId: head.householdId },
      include: { measures: { orderBy: { id: 'asc' } } },
    });
    expect(plan).toMatchObject({ year: chinaYear(), cadreId: null, incomeTargetYuan: 3000, regionCode: VILLAGE_A });
    expect(plan.measures.map((m) => [m.kind, m.target, m.amountYuan, m.status])).toEqual([
      ['INDUSTRY', '养殖肉牛 2 头', 5000, 'IN_PROGRESS'],
      ['EDUCATION', '雨露计划', null, 'PLANNED'],
    ]);

    const { buffer } = await exportAs(county, VILLAGE_A);
    const sheet = (await readWorkbook(buffer)).worksheets[0];
    const at = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key) + 1;
    const exported = sheet
      .getSheetValues()
      .find((values) => Array.isArray(values) && values[at('idNumber')] === rows[0].idNumber) as unknown[];
    expect([
      exported[at('incomeTarget')],
      exported[at('measure_INDUSTRY')],
      exported[at('measureYuan_INDUSTRY')],
      exported[at('measureStatus_INDUSTRY')],
      exported[at('measure_EDUCATION')],
      exported[at('measureStatus_EDUCATION')],
    ]).toEqual(['3000', '养殖肉牛 2 头', '5000', '实施中', '雨露计划', '计划']);

    // The household's first paired cadre becomes the plan's responsible cadre.
    const cadre = await makeCadre({ countyCode: '990102' });
    await signInAs('county');
    expect(await run(pairHousehold, { householdId: head.householdId, cadreId: cadre.id })).toMatchObject({ ok: true });
    expect((await db.helpPlan.findUniqueOrThrow({ where: { id: plan.id } })).cadreId).toBe(cadre.id);
  });
});

describe('people registered in another area (the ID oracle)', () => {
  // Registered in township 1 first; a township 2 clerk's files then name them.
  const registered = Array.from({ length: DUPLICATE_HITS_PER_DAY + 5 }, () => household(VILLAGE_A, 1)).flat();
  const masked = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;
  const inT2 = (rows: Row[]) => rows.map((r) => ({ ...r, villageCode: VILLAGE_T2 }));

  beforeAll(async () => {
    const township = await signInAs('township');
    const file = await fileOf(registered);
    const checked = await checkRoster(township, { file, fileName: 'a.xlsx', locale: 'zh-CN' });
    if (!checked.ok) throw new Error(checked.message);
    expect(
      (
        await importRoster(township, {
          file,
          fileName: 'a.xlsx',
          locale: 'zh-CN',
          expectedHash: checked.report.fileHash,
        })
      ).ok,
    ).toBe(true);
    expect(await peopleOf(registered)).toBe(registered.length);
  });

  it('reports them only as registered, audits each one (masked) and lists it for the county office', async () => {
    const clerk = await makeUser({ role: 'TOWNSHIP_STAFF', scopeCode: '990102102' });
    const viewer = await signInAs(clerk.username);
    const three = inT2(registered.slice(0, 3));
    // A new household whose second member is registered elsewhere: the row says only "registered".
    const mixed = household(VILLAGE_T2, 2);
    mixed[1].idNumber = registered[3].idNumber;
    const result = await checkRoster(viewer, {
      file: await fileOf([...three, ...mixed]),
      fileName: 'b.xlsx',
      locale: 'zh-CN',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.counts).toMatchObject({ existingRows: 3, newRows: 0 });
    expect(result.report.issues).toEqual([
      { sheet: null, row: 6, column: '身份证号', message: '已登记，重复由县扶贫办核处' },
    ]);
    expect(JSON.stringify(result.report)).not.toMatch(/其他|另|外/);

    const hits = await db.duplicateIdHit.findMany({ where: { userId: clerk.id }, orderBy: { id: 'asc' } });
    expect(hits.map((h) => [h.source, h.idMasked, h.areaCode, h.existingRegionCode])).toEqual(
      registered.slice(0, 4).map((r) => ['roster.validate', masked(r.idNumber!), VILLAGE_T2, VILLAGE_A]),
    );
    const audits = await db.auditLog.findMany({
      where: { action: 'household.duplicateHit', userId: clerk.id },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => (a.changes as { idNumber: string }).idNumber)).toEqual(
      registered.slice(0, 4).map((r) => masked(r.idNumber!)),
    );
    const listed = (await listDuplicateHits(await signInAs('county')))!.filter((r) => hits.some((h) => h.id === r.id));
    expect(listed).toHaveLength(4);
    await expect(listDuplicateHits(await signInAs('township'))).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;403');
  });

  it('refuses a file that would pass the daily cap of hits, with a clear message, writing nothing', async () => {
    const clerk = await makeUser({ role: 'TOWNSHIP_STAFF', scopeCode: '990102102' });
    const viewer = await signInAs(clerk.username);
    const fresh = household(VILLAGE_T2, 2); // new people: would be written
    const file = await fileOf([...inT2(registered), ...fresh]);
    const message = `今天查到的已登记身份证号已达上限（${DUPLICATE_HITS_PER_DAY} 个），本次不能再核对。重复登记请交县扶贫办核处。`;
    expect(await checkRoster(viewer, { file, fileName: 'c.xlsx', locale: 'zh-CN' })).toEqual({
      ok: false,
      status: 429,
      message,
    });
    expect(await db.duplicateIdHit.count({ where: { userId: clerk.id } })).toBe(DUPLICATE_HITS_PER_DAY); // listed up to the cap
    expect(await lastAudit('household.duplicateHit')).toMatchObject({
      result: 'REFUSED',
      message: 'households.duplicateCap',
      userId: clerk.id,
    });
    // Confirming the file directly (its hash is no secret) is refused the same way, and writes nothing.
    const { createHash } = await import('node:crypto');
    const expectedHash = createHash('sha256').update(file).digest('hex');
    expect(await importRoster(viewer, { file, fileName: 'c.xlsx', locale: 'zh-CN', expectedHash })).toEqual({
      ok: false,
      status: 429,
      message,
    });
    expect(await peopleOf(fresh)).toBe(0);
    // A file of people of the clerk's own area is no hit at all.
    const own = household(VILLAGE_T2, 1);
    expect((await checkRoster(viewer, { file: await fileOf(own), fileName: 'd.xlsx', locale: 'zh-CN' })).ok).toBe(true);
  });
});

describe('roster export', () => {
  it("streams the area's people with masked ID numbers and no health data for a leader, and audits the count", async () => {
    const leader = await signInAs('leader');
    const expected = await db.person.count({ where: { regionCode: { startsWith: '990102101' } } });
    expect(expected).toBeGreaterThan(0);
    const { prepared, buffer, rows } = await exportAs(leader, '990102101');
    expect(prepared.fileName).toMatch(/^花名册-.+-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(rows).toBe(expected);
    const sheet = (await readWorkbook(buffer)).worksheets[0];
    expect(sheet.rowCount).toBe(expected + 1);
    expect(sheet.getRow(1).values).toEqual([undefined, ...COLUMNS.map((c) => c.header)]);
    const column = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key) + 1;
    const ids = sheet.getColumn(column('idNumber')).values.slice(2) as string[];
    expect(ids.every((id) => /^\d{4}\*{10}[\dX]{4}$/.test(id))).toBe(true);
    expect(
      sheet
        .getColumn(column('health'))
        .values.slice(2)
        .every((v) => v === undefined || v === ''),
    ).toBe(true);
    const audit = await lastAudit('roster.export');
    expect(audit).toMatchObject({ result: 'OK', username: 'leader', regionCode: '990102101' });
    expect(audit!.changes).toMatchObject({ area: '990102101', rows: expected, fullIds: false, healthIncluded: false });
  });

  it('gives full numbers to a role that may see them, in a file that imports again as "already registered"', async () => {
    const county = await signInAs('county');
    const { buffer, rows } = await exportAs(county, VILLAGE_A);
    const sheet = (await readWorkbook(buffer)).worksheets[0];
    const idColumn = COLUMNS.findIndex((c) => c.key === 'idNumber') + 1;
    expect((sheet.getColumn(idColumn).values.slice(2) as string[]).every((id) => /^\d{17}[\dX]$/.test(id))).toBe(true);
    const again = await checkRoster(county, { file: buffer, fileName: 'export.xlsx', locale: 'zh-CN' });
    expect(again.ok && again.report.counts).toMatchObject({ rows, existingRows: rows, errorRows: 0, newRows: 0 });
  });

  it("treats an area outside the user's as not found, and audits the refusal", async () => {
    const township = await signInAs('township');
    const notFound = 'NEXT_HTTP_ERROR_FALLBACK;404';
    await expect(prepareRosterExport(township, '990102102')).rejects.toThrow(notFound);
    await expect(prepareRosterExport(township, '990102')).rejects.toThrow(notFound);
    const response = await exportRoute(new NextRequest('http://localhost/api/roster/export?area=990102102'));
    expect(response.status).toBe(404);
    expect(await lastAudit('roster.export')).toMatchObject({ result: 'REFUSED', username: 'township' });
    await expect(prepareRosterExport(await signInAs('sysadmin'), null)).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;403');
  });

  it('sends the file from the route with a UTF-8 file name', async () => {
    await signInAs('township');
    const response = await exportRoute(new NextRequest(`http://localhost/api/roster/export?area=${VILLAGE_B}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="roster-990102101205-[\d-]+\.xlsx"; filename\*=UTF-8''%E8%8A%B1%E5%90%8D%E5%86%8C-/,
    );
    const workbook = await readWorkbook(Buffer.from(await response.arrayBuffer()));
    expect(workbook.worksheets[0].rowCount).toBe((await db.person.count({ where: { regionCode: VILLAGE_B } })) + 1);
  });
});
