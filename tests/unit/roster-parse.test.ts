// The roster's checks, row by row and across rows, and the import plan. Pure: no database, no file.
import { describe, expect, it } from 'vitest';
import { COLUMNS, type ColumnKey, columnForHeader, EXAMPLE_ID, relationOf, splitList } from '@/lib/roster/columns';
import { cellText, type Issue, type ParsedRow, planImport, RosterChecker, readHeader } from '@/lib/roster/parse';
import { idCheckChar } from '@/lib/validation';

const TODAY = new Date('2026-06-01T12:00:00+08:00');
const VILLAGES = new Set(['990102101201', '990102101202', '990102102201']);
const HEADER = ['', ...COLUMNS.map((c) => c.header)]; // 1-based like exceljs row.values

let serial = 0;
/** A valid ID number, different every call (county 990197 is in no seed). */
function newId(male = true): string {
  serial += 1;
  const first17 = `99019719${String(50 + Math.floor(serial / 400)).padStart(2, '0')}0101${String((serial % 400) * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}
function badCheckDigit(id: string): string {
  const wrong = '0123456789X'.split('').find((c) => c !== id[17])!;
  return id.slice(0, 17) + wrong;
}

type Row = Partial<Record<ColumnKey, unknown>>;
const base = (head: string, over: Row = {}): Row => ({
  villageCode: '990102101201',
  groupName: '3组',
  headIdNumber: head,
  relation: '户主',
  name: '张三',
  idNumber: head,
  ...over,
});
const cells = (row: Row) => ['', ...COLUMNS.map((c) => row[c.key] ?? null)];

/** Checks rows (from spreadsheet row 2) as a county user of 990102 and returns the file check. */
function check(rows: Row[], scopeCode = '990102') {
  const checker = new RosterChecker({ scopeCode, villages: VILLAGES, today: TODAY });
  expect(checker.setHeader(HEADER)).toEqual([]);
  rows.forEach((row, i) => checker.addRow(i + 2, cells(row)));
  return checker.finish();
}
const issuesOf = (issues: Issue[], row?: number) =>
  issues.filter((i) => row === undefined || i.row === row).map((i) => [i.row, i.column, i.key]);

describe('header', () => {
  it('finds the columns by name in any order, with aliases and notes such as “（必填）”', () => {
    const header = readHeader([
      '',
      '姓名',
      '身份证号码',
      '与户主关系*',
      '户主身份证号（必填）',
      '村民小组',
      '行政村代码',
    ]);
    expect(header.missing).toEqual([]);
    expect(header.columns).toMatchObject({
      name: 1,
      idNumber: 2,
      relation: 3,
      headIdNumber: 4,
      groupName: 5,
      villageCode: 6,
    });
    expect(columnForHeader(' 不愁吃 ')).toBe('foodSecure');
  });

  it('names the required columns that are missing', () => {
    expect(readHeader(['', '姓名', '身份证号']).missing).toEqual([
      'villageCode',
      'groupName',
      'headIdNumber',
      'relation',
    ]);
  });
});

describe('one row', () => {
  it('reads a valid row: sex and birth date from the ID number, defaults for blank cells', () => {
    const id = newId(false);
    const { rows, issues } = check([base(id, { phone: '138 0013 8000' })]);
    expect(issues).toEqual([]);
    expect(rows[0]).toMatchObject({
      row: 2,
      householdKey: id,
      villageCode: '990102101201',
      relation: 'HEAD',
      idNumber: id,
      sex: 'FEMALE',
      phone: '13800138000',
      health: 'HEALTHY',
      labour: 'NORMAL',
      inSchool: false,
      household: {},
    });
    expect(rows[0].birthDate?.toISOString().slice(0, 10)).toBe(
      `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    );
  });

  it('refuses an ID number with a wrong check digit, saying which check failed', () => {
    const head = newId();
    const { issues } = check([base(head), base(head, { relation: '子女', idNumber: badCheckDigit(newId()) })]);
    expect(issuesOf(issues, 3)).toEqual([[3, 'idNumber', 'households.idCheckDigit']]);
  });

  it('tells apart a bad format, an impossible birth date, and an ID number Excel turned into a float', () => {
    const head = newId();
    const { issues } = check([
      base(head),
      base(head, { relation: '子女', idNumber: '12345' }),
      base(head, { relation: '子女', idNumber: '99019720260231001X' }),
      base(head, { relation: '子女', idNumber: 4.10102199001011e17 }),
    ]);
    expect(issuesOf(issues)).toEqual([
      [3, 'idNumber', 'households.idFormat'],
      [4, 'idNumber', 'households.idBirthDate'],
      [5, 'idNumber', 'roster.issues.idAsNumber'],
    ]);
  });

  it('refuses an unknown relation, health or yes/no value and lists the allowed values', () => {
    const head = newId();
    const { issues } = check([base(head, { relation: '表哥', health: '很好', inSchool: '也许', foodSecure: 'ok' })]);
    expect(issuesOf(issues)).toEqual([
      [2, 'relation', 'roster.issues.unknownValue'],
      [2, 'health', 'roster.issues.unknownValue'],
      [2, 'inSchool', 'roster.issues.unknownValue'],
      [2, 'foodSecure', 'roster.issues.unknownValue'],
    ]);
    expect(issues[0].params).toMatchObject({ value: '表哥', allowed: expect.stringContaining('户主、配偶、子女') });
    expect(issues[1].params).toMatchObject({ value: '很好', allowed: '健康、长期慢性病、患有大病、残疾' });
  });

  it('accepts the words clerks use for the same values, full-width letters and stray spaces', () => {
    expect(relationOf('本人')).toBe('HEAD');
    expect(relationOf(' 妻子 ')).toBe('SPOUSE');
    expect(relationOf('ＨＥＡＤ')).toBe('HEAD');
    const head = newId();
    const { rows, issues } = check([
      base(head, {
        health: '慢性病',
        labour: '丧失劳动力',
        allowance: '一类',
        povertyCauses: '因病，缺资金、 因病',
        inSchool: '否',
      }),
    ]);
    expect(issues).toEqual([]);
    expect(rows[0]).toMatchObject({
      health: 'CHRONIC',
      labour: 'NONE',
      household: { allowance: 'DIBAO_1', povertyCauses: ['ILLNESS', 'LACK_OF_FUNDS'] },
    });
    expect(splitList('因病、缺资金,缺技术；因学')).toEqual(['因病', '缺资金', '缺技术', '因学']);
  });

  it('refuses a malformed phone number', () => {
    const { issues } = check([base(newId(), { phone: '12345' })]);
    expect(issuesOf(issues)).toEqual([[2, 'phone', 'households.phoneFormat']]);
  });

  it("refuses a village outside the user's area, an unknown village and a malformed code", () => {
    const rows = [
      base(newId(), { villageCode: '990102102201' }),
      base(newId(), { villageCode: '990102101299' }),
      base(newId(), { villageCode: '99010210120' }),
      base(newId(), { villageCode: '990103101201' }),
    ];
    const { issues } = check(rows, '990102101'); // a township user
    expect(issuesOf(issues)).toEqual([
      [2, 'villageCode', 'households.villageOutside'],
      [3, 'villageCode', 'roster.issues.villageUnknown'],
      [4, 'villageCode', 'roster.issues.villageFormat'],
      [5, 'villageCode', 'households.villageOutside'],
    ]);
  });

  it("says what is missing, skips blank rows, and recognises the template's example row", () => {
    const checker = new RosterChecker({ scopeCode: '990102', villages: VILLAGES, today: TODAY });
    checker.setHeader(HEADER);
    checker.addRow(2, cells({}));
    checker.addRow(3, cells({ name: '李四' }));
    checker.addRow(4, cells(base(EXAMPLE_ID)));
    const { rows, issues } = checker.finish();
    expect(rows.map((r) => r.row)).toEqual([3, 4]);
    expect(issuesOf(issues, 3).map((i) => i[1])).toEqual([
      'villageCode',
      'groupName',
      'headIdNumber',
      'relation',
      'idNumber',
    ]);
    expect(issuesOf(issues, 4)).toContainEqual([4, 'idNumber', 'roster.issues.exampleRow']);
  });
});

describe('across rows', () => {
  it('wants exactly one head per household', () => {
    const two = newId();
    const none = newId();
    const { issues } = check([
      base(two),
      base(two, { idNumber: newId(), relation: '户主' }),
      base(two, { idNumber: newId(), relation: '子女' }),
      base(none, { idNumber: newId(), relation: '配偶' }),
      base(none, { idNumber: newId(), relation: '子女' }),
    ]);
    expect(issuesOf(issues)).toEqual([
      [2, 'relation', 'roster.issues.twoHeads'],
      [3, 'headIdNumber', 'roster.issues.headIdMismatch'],
      [3, 'relation', 'roster.issues.twoHeads'],
      [5, 'relation', 'roster.issues.noHead'],
      [6, 'relation', 'roster.issues.noHead'],
    ]);
    expect(issues.find((i) => i.key === 'roster.issues.twoHeads')?.params).toEqual({ count: 2 });
  });

  it('marks every row of an ID number that appears twice, naming the other rows', () => {
    const head = newId();
    const twin = newId();
    const { issues } = check([
      base(head),
      base(head, { relation: '子女', idNumber: twin }),
      base(newId(), { idNumber: twin, headIdNumber: twin }),
    ]);
    const duplicates = issues.filter((i) => i.key === 'roster.issues.duplicateId');
    expect(duplicates.map((i) => [i.row, i.params?.rows])).toEqual([
      [3, '4'],
      [4, '3'],
    ]);
  });

  it("wants the household's columns on other rows blank or the same as the head's", () => {
    const head = newId();
    const { issues } = check([
      base(head, { allowance: '五保', povertyCauses: '因病、因残', waterSecure: '否' }),
      base(head, {
        relation: '配偶',
        idNumber: newId(),
        allowance: '五保',
        povertyCauses: '因残、因病',
        waterSecure: '否',
      }),
      base(head, { relation: '子女', idNumber: newId() }),
      base(head, {
        relation: '子女',
        idNumber: newId(),
        allowance: '无',
        waterSecure: '是',
        groupName: '4组',
        villageCode: '990102101202',
      }),
    ]);
    expect(issuesOf(issues)).toEqual([
      [5, 'villageCode', 'roster.issues.notAsHead'],
      [5, 'groupName', 'roster.issues.notAsHead'],
      [5, 'allowance', 'roster.issues.notAsHead'],
      [5, 'waterSecure', 'roster.issues.notAsHead'],
    ]);
    expect(issues.find((i) => i.column === 'allowance')?.params).toEqual({ value: '五保', headRow: 2 });
  });

  it("wants the head's ID number on the head's row only", () => {
    const head = newId();
    const { issues } = check([base(head, { relation: '配偶' })]);
    expect(issuesOf(issues)).toEqual([
      [2, 'relation', 'roster.issues.noHead'],
      [2, 'relation', 'roster.issues.headRowRelation'],
    ]);
  });
});

describe('the import plan', () => {
  const family = () => {
    const head = newId();
    return [
      base(head),
      base(head, { relation: '配偶', idNumber: newId(false) }),
      base(head, { relation: '子女', idNumber: newId() }),
    ];
  };
  const plan = (rows: Row[], registered: (row: ParsedRow) => boolean = () => false) =>
    planImport(check(rows), registered);

  it('imports whole valid households, head first; a household with one bad row is skipped whole', () => {
    const good = family();
    const bad = family();
    bad[2].phone = '12345';
    const result = plan([...bad, ...good]);
    expect(result.households).toHaveLength(1);
    expect(result.households[0].members.map((m) => m.relation)).toEqual(['HEAD', 'SPOUSE', 'CHILD']);
    expect(result.counts).toEqual({
      rows: 6,
      households: 2,
      validRows: 5,
      errorRows: 1,
      existingRows: 0,
      existingHouseholds: 0,
      blockedRows: 2,
      errorHouseholds: 1,
      newRows: 3,
      newHouseholds: 1,
    });
  });

  it('skips what is registered: importing the same file twice writes nothing the second time', () => {
    const rows = [...family(), ...family()];
    const first = plan(rows);
    const written = new Set<string | undefined>(first.households.flatMap((h) => h.members.map((m) => m.idNumber)));
    const second = plan(rows, (row) => written.has(row.idNumber));
    expect(second.households).toEqual([]);
    expect(second.counts).toMatchObject({ existingRows: 6, existingHouseholds: 2, newRows: 0, errorRows: 0 });
  });

  it('does not add members to a registered household, nor take in a person registered elsewhere', () => {
    const headKnown = family();
    const memberKnown = family();
    const known = new Set([headKnown[0].idNumber, headKnown[1].idNumber, memberKnown[2].idNumber]);
    const result = plan([...headKnown, ...memberKnown], (row) => known.has(row.idNumber));
    expect(result.households).toEqual([]);
    expect(issuesOf(result.issues)).toEqual([
      [4, 'headIdNumber', 'roster.issues.headRegistered'],
      [7, 'idNumber', 'households.idTaken'],
    ]);
    expect(result.counts).toMatchObject({
      existingRows: 2,
      errorRows: 2,
      blockedRows: 2,
      errorHouseholds: 2,
      newRows: 0,
    });
  });

  it('keeps the counts adding up', () => {
    const rows = [...family(), ...family(), base(newId(), { relation: '???' })];
    const { counts } = plan(rows);
    expect(counts.validRows + counts.errorRows).toBe(counts.rows);
    expect(counts.newRows + counts.existingRows + counts.blockedRows + counts.errorRows).toBe(counts.rows);
  });
});

describe('cell values', () => {
  it('reads text out of rich text, formulas, hyperlinks and numbers', () => {
    expect(cellText({ richText: [{ text: '张' }, { text: '三 ' }] })).toBe('张三');
    expect(cellText({ formula: 'A1', result: 990102101201 })).toBe('990102101201');
    expect(cellText({ text: '王五', hyperlink: 'x' })).toBe('王五');
    expect(cellText(true)).toBe('是');
    expect(cellText(null)).toBe('');
  });
});

describe('一户一策 in the roster', () => {
  const factsOf = (rows: Row[]) => {
    const result = check(rows);
    return { result, facts: result.facts.get(String(rows[0].headIdNumber)) };
  };

  it("reads the head's measures per kind with their yuan and progress; blank progress is counted as “计划”", () => {
    const head = newId();
    const { result, facts } = factsOf([
      base(head, {
        incomeTarget: '3000',
        measure_INDUSTRY: '养殖肉牛 2 头',
        measureYuan_INDUSTRY: '5,000元',
        measureStatus_INDUSTRY: '实施中',
        measure_EMPLOYMENT: '公益岗位 1 个',
      }),
      base(head, { relation: '配偶', idNumber: newId(false) }),
    ]);
    expect(issuesOf(result.issues)).toEqual([]);
    expect(facts?.plan).toEqual({
      incomeTargetYuan: 3000,
      measures: [
        { kind: 'INDUSTRY', target: '养殖肉牛 2 头', amountYuan: 5000, status: 'IN_PROGRESS' },
        { kind: 'EMPLOYMENT', target: '公益岗位 1 个', amountYuan: null, status: 'PLANNED' },
      ],
    });
    expect(result.defaults).toContainEqual({
      column: 'measureStatus_EMPLOYMENT',
      value: '计划',
      count: 1,
      unit: 'households',
      absent: false,
    });
  });

  it('no plan without measures; measures without an income target, yuan without a measure and a bad progress are problems', () => {
    expect(factsOf([base(newId())]).facts?.plan).toBeNull();
    const noTarget = newId();
    const noMeasure = newId();
    const yuanAlone = newId();
    const badStatus = newId();
    const result = check([
      base(noTarget, { measure_HEALTH: '家庭医生签约' }),
      base(noMeasure, { incomeTarget: '2000' }),
      base(yuanAlone, { incomeTarget: '2000', measure_PV: '光伏 3 千瓦', measureYuan_HOUSING: '20000' }),
      base(badStatus, { incomeTarget: '2000', measure_PV: '光伏 3 千瓦', measureStatus_PV: '差不多' }),
    ]);
    expect(issuesOf(result.issues)).toEqual([
      [2, 'incomeTarget', 'roster.issues.planNeedsTarget'],
      [3, 'incomeTarget', 'roster.issues.planNeedsMeasure'],
      [4, 'measureYuan_HOUSING', 'roster.issues.measureNeedsTarget'],
      [5, 'measureStatus_PV', 'roster.issues.unknownValue'],
    ]);
    expect(result.facts.get(noTarget)?.plan).toBeNull();
  });

  it('a measure on a member’s row must agree with the head’s', () => {
    const head = newId();
    const result = check([
      base(head, { incomeTarget: '3000', measure_EDUCATION: '雨露计划' }),
      base(head, { relation: '子女', idNumber: newId(), measure_EDUCATION: '助学贷款' }),
    ]);
    expect(issuesOf(result.issues)).toEqual([[3, 'measure_EDUCATION', 'roster.issues.notAsHead']]);
  });

  it('amounts with jiao and fen are recorded as whole yuan, and the report counts them per column', () => {
    const head = newId();
    const result = check([
      base(head, { incomeYear: '2025', wage: '12000.6', production: '3000', property: '0', transfer: '2400.4' }),
    ]);
    expect(result.facts.get(head)?.incomes).toEqual([
      { year: 2025, wage: 12001, production: 3000, property: 0, transfer: 2400 },
    ]);
    const rounded = result.defaults.filter((d) => d.rounded).map((d) => [d.column, d.count]);
    expect(rounded).toEqual([
      ['wage', 1],
      ['transfer', 1],
    ]);
  });
});
