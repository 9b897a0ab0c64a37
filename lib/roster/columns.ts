// The roster (花名册) spreadsheet: its columns, their Chinese headers, and the Chinese labels of the
// enum values as the county's clerks type them. The labels are the ones the app shows
// (messages/zh-CN.json, households.*), so a spreadsheet and the screens say the same thing.
// Pure: used by the template, the import check and the export alike.

import type { AllowanceType, HealthStatus, LabourAbility, PovertyCause, Relation } from '@/lib/enums';
import { ALLOWANCES, type CHECKLIST, HEALTH, LABOUR, POVERTY_CAUSES, RELATIONS } from '@/lib/households/schema';
import zh from '@/messages/zh-CN.json';

/** The largest file the import accepts. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;

export type ColumnKey =
  | 'villageCode'
  | 'groupName'
  | 'headIdNumber'
  | 'relation'
  | 'name'
  | 'idNumber'
  | 'phone'
  | 'health'
  | 'labour'
  | 'inSchool'
  | 'allowance'
  | 'povertyCauses'
  | (typeof CHECKLIST)[number];

export type Column = {
  key: ColumnKey;
  /** The header the template writes and the import looks for. */
  header: string;
  /** Other headers clerks' own sheets use for the same column. */
  aliases?: readonly string[];
  required: boolean;
  /** Read from the head's row; on other rows it may be left blank (if filled, it must agree). */
  household?: true;
  /** Written as text so Excel keeps leading zeros and all 18 digits. */
  text?: true;
  width: number;
  /** What the explanation sheet says about the column. */
  note: string;
};

export const YES = '是';
export const NO = '否';

const labelList = (labels: Record<string, string>) => Object.values(labels).join('、');

export const COLUMNS: readonly Column[] = [
  {
    key: 'villageCode',
    header: '行政村区划代码',
    aliases: ['行政村代码', '村区划代码', '区划代码', '村代码'],
    required: true,
    text: true,
    width: 16,
    note: '12 位统计用区划代码，须是您管辖范围内的行政村（见“行政村代码”表）。同一户各行须相同。',
  },
  {
    key: 'groupName',
    header: '村民小组',
    aliases: ['组', '小组', '村组'],
    required: true,
    width: 10,
    note: '如“3组”，不超过 20 个字。同一户各行须相同。',
  },
  {
    key: 'headIdNumber',
    header: '户主身份证号',
    aliases: ['户主身份证号码', '户主证件号码'],
    required: true,
    text: true,
    width: 22,
    note: '本行所属户的户主身份证号：同一户的各行填同一个号码，系统据此把成员归为一户。户主本人那一行与“身份证号”相同。',
  },
  {
    key: 'relation',
    header: '与户主关系',
    aliases: ['关系'],
    required: true,
    width: 12,
    note: `${labelList(zh.households.relations)}。每户有且只有一行“户主”。`,
  },
  { key: 'name', header: '姓名', aliases: ['成员姓名'], required: true, width: 10, note: '不超过 40 个字。' },
  {
    key: 'idNumber',
    header: '身份证号',
    aliases: ['身份证号码', '证件号码', '公民身份号码'],
    required: true,
    text: true,
    width: 22,
    note: '18 位居民身份证号，最后一位可能是 X，须通过校验位检查；出生日期和性别从号码读取。同一号码在文件中只能出现一次；已登记的人自动跳过。请把此列设为“文本”，否则 Excel 会把后几位变成 0。',
  },
  {
    key: 'phone',
    header: '联系电话',
    aliases: ['电话', '手机号', '手机号码', '联系方式'],
    required: false,
    text: true,
    width: 14,
    note: '选填。手机号（11 位）或带区号的固话（如 0938-1234567）。户主行的电话作为本户联系电话。',
  },
  {
    key: 'health',
    header: '健康状况',
    required: false,
    width: 12,
    note: `${labelList(zh.households.healthValues)}。留空按“${zh.households.healthValues.HEALTHY}”。`,
  },
  {
    key: 'labour',
    header: '劳动能力',
    aliases: ['劳动技能'],
    required: false,
    width: 12,
    note: `${labelList(zh.households.labourValues)}。留空按“${zh.households.labourValues.NORMAL}”。`,
  },
  {
    key: 'inSchool',
    header: '在校生',
    aliases: ['是否在校生', '在校生状况'],
    required: false,
    width: 8,
    note: `${YES} 或 ${NO}，留空按“${NO}”。`,
  },
  {
    key: 'allowance',
    header: '低保类型',
    aliases: ['低保/五保', '低保五保'],
    required: false,
    household: true,
    width: 12,
    note: `户的信息，读户主行。${labelList(zh.households.allowances)}；留空按“${zh.households.allowances.NONE}”。`,
  },
  {
    key: 'povertyCauses',
    header: '致贫原因',
    required: false,
    household: true,
    width: 18,
    note: `户的信息，读户主行。可填多个，用顿号“、”或逗号分隔：${labelList(zh.households.causes)}。`,
  },
  {
    key: 'foodSecure',
    header: '不愁吃',
    required: false,
    household: true,
    width: 8,
    note: `户的信息（两不愁三保障），读户主行。${YES} 或 ${NO}，留空按“${YES}”。`,
  },
  {
    key: 'clothingSecure',
    header: '不愁穿',
    required: false,
    household: true,
    width: 8,
    note: `户的信息，读户主行。${YES} 或 ${NO}，留空按“${YES}”。`,
  },
  {
    key: 'educationSecure',
    header: '义务教育',
    aliases: ['义务教育有保障'],
    required: false,
    household: true,
    width: 10,
    note: `户的信息，读户主行。义务教育有保障：${YES} 或 ${NO}，留空按“${YES}”。`,
  },
  {
    key: 'medicalSecure',
    header: '基本医疗',
    aliases: ['基本医疗有保障'],
    required: false,
    household: true,
    width: 10,
    note: `户的信息，读户主行。基本医疗有保障：${YES} 或 ${NO}，留空按“${YES}”。`,
  },
  {
    key: 'housingSecure',
    header: '住房安全',
    aliases: ['住房安全有保障'],
    required: false,
    household: true,
    width: 10,
    note: `户的信息，读户主行。住房安全有保障：${YES} 或 ${NO}，留空按“${YES}”。`,
  },
  {
    key: 'waterSecure',
    header: '饮水安全',
    aliases: ['饮水安全有保障'],
    required: false,
    household: true,
    width: 10,
    note: `户的信息，读户主行。饮水安全有保障：${YES} 或 ${NO}，留空按“${YES}”。`,
  },
];

export const COLUMN_BY_KEY = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, Column>;
export const HOUSEHOLD_COLUMNS = COLUMNS.filter((c) => c.household).map((c) => c.key);

/** The worksheet names the template and the export use. */
export const SHEET_ROSTER = '花名册';
export const SHEET_NOTES = '填写说明';
export const SHEET_VILLAGES = '行政村代码';
export const SHEET_EXPORT_NOTES = '导出说明';

/** Headers are compared without spaces, asterisks (required marks) and bracketed notes such as “（必填）”. */
export function normaliseHeader(value: string): string {
  return value.replace(/[（(][^）)]*[）)]/g, '').replace(/[\s*＊]/g, '');
}

const HEADER_LOOKUP = new Map<string, ColumnKey>(
  COLUMNS.flatMap((c) => [c.header, ...(c.aliases ?? [])].map((h) => [normaliseHeader(h), c.key] as const)),
);

export function columnForHeader(header: string): ColumnKey | undefined {
  return HEADER_LOOKUP.get(normaliseHeader(header));
}

// ───────────────────────── values ─────────────────────────

/** Labels compare without spaces; full-width letters and digits count as half-width. */
export function normaliseLabel(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** Label → value; looks the text up as it is first (the usual case), then normalised. */
function lookup<T extends string>(
  values: readonly T[],
  labels: Record<T, string>,
  aliases: Record<string, T> = {},
): (label: string) => T | undefined {
  const map = new Map<string, T>();
  for (const value of values) {
    map.set(normaliseLabel(labels[value]), value);
    map.set(normaliseLabel(value), value); // the code itself (HEAD, DIBAO_1, …) is accepted too
  }
  for (const [alias, value] of Object.entries(aliases)) map.set(normaliseLabel(alias), value);
  return (label) => map.get(label) ?? map.get(normaliseLabel(label));
}

export const RELATION_LABELS = zh.households.relations as Record<Relation, string>;
export const HEALTH_LABELS = zh.households.healthValues as Record<HealthStatus, string>;
export const LABOUR_LABELS = zh.households.labourValues as Record<LabourAbility, string>;
export const ALLOWANCE_LABELS = zh.households.allowances as Record<AllowanceType, string>;
export const CAUSE_LABELS = zh.households.causes as Record<PovertyCause, string>;

// Words the national registry's own exports and clerks' sheets use for the same values.
const RELATIONS_BY_LABEL = lookup(RELATIONS, RELATION_LABELS, {
  本人: 'HEAD',
  妻: 'SPOUSE',
  妻子: 'SPOUSE',
  夫: 'SPOUSE',
  丈夫: 'SPOUSE',
  子: 'CHILD',
  女: 'CHILD',
  儿子: 'CHILD',
  女儿: 'CHILD',
  之子: 'CHILD',
  之女: 'CHILD',
  儿媳: 'CHILD_IN_LAW',
  女婿: 'CHILD_IN_LAW',
  孙子: 'GRANDCHILD',
  孙女: 'GRANDCHILD',
  外孙子: 'GRANDCHILD',
  外孙女: 'GRANDCHILD',
  父亲: 'PARENT',
  母亲: 'PARENT',
  父: 'PARENT',
  母: 'PARENT',
  兄弟: 'SIBLING',
  姐妹: 'SIBLING',
});
const HEALTH_BY_LABEL = lookup(HEALTH, HEALTH_LABELS, {
  慢性病: 'CHRONIC',
  大病: 'SERIOUS',
  患大病: 'SERIOUS',
  残疾人: 'DISABLED',
});
const LABOUR_BY_LABEL = lookup(LABOUR, LABOUR_LABELS, {
  普通劳动力: 'NORMAL',
  技能劳动力: 'NORMAL',
  弱劳动力或半劳动力: 'WEAK',
  半劳动力: 'WEAK',
  丧失劳动力: 'NONE',
});
const ALLOWANCE_BY_LABEL = lookup(ALLOWANCES, ALLOWANCE_LABELS, {
  非低保: 'NONE',
  一类: 'DIBAO_1',
  二类: 'DIBAO_2',
  五保户: 'WUBAO',
  特困供养: 'WUBAO',
});
const CAUSE_BY_LABEL = lookup(POVERTY_CAUSES, CAUSE_LABELS, {
  病: 'ILLNESS',
  残: 'DISABILITY',
  学: 'SCHOOLING',
  灾: 'DISASTER',
  缺劳动力: 'LACK_OF_LABOUR',
  交通条件落后: 'POOR_TRANSPORT',
});
const YES_NO = new Map<string, boolean>([
  [YES, true],
  [NO, false],
  ['Y', true],
  ['N', false],
  ['YES', true],
  ['NO', false],
  ['1', true],
  ['0', false],
  ['√', true],
  ['×', false],
  ['TRUE', true],
  ['FALSE', false],
  ['有', true],
  ['无', false],
]);

export const relationOf = RELATIONS_BY_LABEL;
export const healthOf = HEALTH_BY_LABEL;
export const labourOf = LABOUR_BY_LABEL;
export const allowanceOf = ALLOWANCE_BY_LABEL;
export const causeOf = CAUSE_BY_LABEL;
export const yesNoOf = (label: string) => YES_NO.get(label) ?? YES_NO.get(normaliseLabel(label));

/** Several causes in one cell: 因病、缺资金 (顿号, commas, semicolons or spaces). */
export function splitList(value: string): string[] {
  return value
    .split(/[、,，;；/\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const yesNo = (value: boolean) => (value ? YES : NO);

/** The explanation sheet's "allowed values" per column. */
export function allowedValues(key: ColumnKey): string {
  switch (key) {
    case 'relation':
      return labelList(RELATION_LABELS);
    case 'health':
      return labelList(HEALTH_LABELS);
    case 'labour':
      return labelList(LABOUR_LABELS);
    case 'allowance':
      return labelList(ALLOWANCE_LABELS);
    case 'povertyCauses':
      return labelList(CAUSE_LABELS);
    case 'inSchool':
    case 'foodSecure':
    case 'clothingSecure':
    case 'educationSecure':
    case 'medicalSecure':
    case 'housingSecure':
    case 'waterSecure':
      return `${YES}、${NO}`;
    default:
      return '';
  }
}

// The template's example row: its ID number is made up (province 99 does not exist), and a file that
// still contains it is told to delete the row rather than registering a person who does not exist.
export const EXAMPLE_ID = '990102197803150037';
