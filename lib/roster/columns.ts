// The roster (花名册) spreadsheet: its columns, their Chinese headers, and the Chinese labels of the
// enum values as the county's clerks type them. The labels are the ones the app shows
// (messages/zh-CN.json, households.*), so a spreadsheet and the screens say the same thing.
// Pure: used by the template, the import check and the export alike.

import {
  type AllowanceType,
  type HealthStatus,
  HOUSEHOLD_STATUSES,
  type HouseholdStatus,
  type LabourAbility,
  type PovertyCause,
  type Relation,
} from '@/lib/enums';
import { ALLOWANCES, type CHECKLIST, HEALTH, LABOUR, POVERTY_CAUSES, RELATIONS } from '@/lib/households/schema';
import { MEASURE_KINDS, MEASURE_STATUSES, type MeasureKind, type MeasureStatus } from '@/lib/plans/rules';
import { TEXT_PREFIX } from '@/lib/spreadsheet';
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
  | (typeof CHECKLIST)[number]
  | 'status'
  | 'povertyKind'
  | 'identifiedYear'
  | 'exitYear'
  | 'incomeYear'
  | IncomePart
  /** 吃穿不愁 in one column (the national register's wording): food and clothing together. */
  | 'foodClothingSecure'
  | 'incomeTarget'
  | MeasureColumnKey;

/** 一户一策 in the roster: per measure kind its target, its yuan and its progress (三列一类). */
export type MeasureColumnKey = `measure_${MeasureKind}` | `measureYuan_${MeasureKind}` | `measureStatus_${MeasureKind}`;
export const measureColumn = (kind: MeasureKind) =>
  ({ target: `measure_${kind}`, yuan: `measureYuan_${kind}`, status: `measureStatus_${kind}` }) as const;
/** The kind and part of a measure column, or undefined for another column. */
export function measureColumnOf(key: ColumnKey): { kind: MeasureKind; part: 'target' | 'yuan' | 'status' } | undefined {
  const match = /^measure(Yuan|Status)?_(.+)$/.exec(key);
  if (!match) return undefined;
  return {
    kind: match[2] as MeasureKind,
    part: match[1] === 'Yuan' ? 'yuan' : match[1] === 'Status' ? 'status' : 'target',
  };
}

/** The income components of HouseholdIncome, and the per-capita figure the register prints beside them. */
export const INCOME_PARTS = ['wage', 'production', 'property', 'transfer'] as const;
export type IncomePart = (typeof INCOME_PARTS)[number] | 'perCapita';

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

// 一户一策's measure columns: the header names the kind; clerks' sheets also say 扶持 for 帮扶.
const MEASURE_HEADERS: Record<MeasureKind, { header: string; aliases: string[] }> = {
  INDUSTRY: { header: '产业帮扶', aliases: ['产业扶持', '产业'] },
  EMPLOYMENT: { header: '就业帮扶', aliases: ['就业扶持', '就业', '转移就业'] },
  EDUCATION: { header: '教育帮扶', aliases: ['教育扶持', '教育', '教育资助'] },
  HEALTH: { header: '健康帮扶', aliases: ['健康扶持', '健康', '医疗保障'] },
  SOCIAL_ASSISTANCE: { header: '兜底保障', aliases: ['社会救助', '兜底'] },
  RELOCATION: { header: '易地搬迁', aliases: ['易地扶贫搬迁', '搬迁'] },
  HOUSING: { header: '危房改造', aliases: ['住房保障', '危改'] },
  PV: { header: '光伏帮扶', aliases: ['光伏收益', '光伏扶贫', '光伏'] },
};

function measureColumns(kind: MeasureKind): Column[] {
  const { header, aliases } = MEASURE_HEADERS[kind];
  const keys = measureColumn(kind);
  const names = (suffix: string) => aliases.map((alias) => `${alias}${suffix}`);
  return [
    {
      key: keys.target,
      header: `${header}措施`,
      aliases: names('措施'),
      required: false,
      household: true,
      width: 18,
      note: `户的信息，读户主行。一户一策中“${zh.plans.kinds[kind]}”的目标，如“${zh.plans.placeholders[kind].replace(/^如：/, '')}”，200 字以内。不采用该项措施的留空。帮扶计划记为今年的计划，责任干部为该户结对后的结对干部。`,
    },
    {
      key: keys.yuan,
      header: `${header}资金`,
      aliases: [`${header}资金（元）`, `${header}金额`, ...names('资金'), ...names('金额')],
      required: false,
      household: true,
      width: 10,
      note: '户的信息，读户主行。该项措施的资金，单位元；没有资金的留空。填了资金须填措施。',
    },
    {
      key: keys.status,
      header: `${header}进度`,
      aliases: names('进度'),
      required: false,
      household: true,
      width: 8,
      note: '户的信息，读户主行。计划、实施中 或 已完成；留空的记为“计划”（报告中列出）。填了进度须填措施。',
    },
  ];
}

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
    aliases: ['组', '小组', '村组', '组别', '村民小组名称'],
    required: true,
    width: 10,
    note: '如“3组”，不超过 20 个字。同一户各行须相同。',
  },
  {
    key: 'headIdNumber',
    header: '户主身份证号',
    aliases: ['户主身份证号码', '户主证件号码', '户主证件号', '户主身份证'],
    required: true,
    text: true,
    width: 22,
    note: '本行所属户的户主身份证号：同一户的各行填同一个号码，系统据此把成员归为一户。户主本人那一行与“身份证号”相同。',
  },
  {
    key: 'relation',
    header: '与户主关系',
    aliases: ['关系', '与户主的关系'],
    required: true,
    width: 12,
    note: `${labelList(zh.households.relations)}。每户有且只有一行“户主”。`,
  },
  {
    key: 'name',
    header: '姓名',
    aliases: ['成员姓名', '人员姓名'],
    required: true,
    width: 10,
    note: '不超过 40 个字。',
  },
  {
    key: 'idNumber',
    header: '身份证号',
    aliases: ['身份证号码', '证件号码', '公民身份号码', '身份证件号码', '证件号'],
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
    aliases: ['健康情况', '身体状况'],
    required: false,
    width: 12,
    note: `${labelList(zh.households.healthValues)}。留空按“${zh.households.healthValues.HEALTHY}”。`,
  },
  {
    key: 'labour',
    header: '劳动能力',
    aliases: ['劳动技能', '劳动力状况', '劳动力情况', '劳动能力状况', '劳动力'],
    required: false,
    width: 12,
    note: `${labelList(zh.households.labourValues)}。留空按“${zh.households.labourValues.NORMAL}”。`,
  },
  {
    key: 'inSchool',
    header: '在校生',
    aliases: ['是否在校生', '在校生状况', '在校生情况', '是否在校'],
    required: false,
    width: 8,
    note: `${YES} 或 ${NO}，留空按“${NO}”。`,
  },
  {
    key: 'allowance',
    header: '低保类型',
    aliases: ['低保/五保', '低保五保', '低保户类型', '低保类别', '低保户类别', '低保/特困'],
    required: false,
    household: true,
    width: 12,
    note: `户的信息，读户主行。${labelList(zh.households.allowances)}；留空按“${zh.households.allowances.NONE}”。`,
  },
  {
    key: 'povertyCauses',
    header: '致贫原因',
    aliases: ['主要致贫原因'],
    required: false,
    household: true,
    width: 18,
    note: `户的信息，读户主行。可填多个，用顿号“、”或逗号分隔：${labelList(zh.households.causes)}。`,
  },
  {
    key: 'foodSecure',
    header: '不愁吃',
    aliases: ['吃不愁'],
    required: false,
    household: true,
    width: 8,
    note: `户的信息（两不愁三保障），读户主行。${YES} 或 ${NO}，留空为“未核实”（不按“${YES}”记）。表头可以是两行：上一行“两不愁三保障”，下一行各项的列名。`,
  },
  {
    key: 'clothingSecure',
    header: '不愁穿',
    aliases: ['穿不愁'],
    required: false,
    household: true,
    width: 8,
    note: `户的信息，读户主行。${YES} 或 ${NO}，留空为“未核实”（不按“${YES}”记）。`,
  },
  {
    key: 'educationSecure',
    header: '义务教育',
    aliases: ['义务教育有保障', '义务教育保障'],
    required: false,
    household: true,
    width: 10,
    note: `户的信息，读户主行。义务教育有保障：${YES} 或 ${NO}，留空为“未核实”（不按“${YES}”记）。`,
  },
  {
    key: 'medicalSecure',
    header: '基本医疗',
    aliases: ['基本医疗有保障', '基本医疗保障'],
    required: false,
    household: true,
    width: 10,
    note: `户的信息，读户主行。基本医疗有保障：${YES} 或 ${NO}，留空为“未核实”（不按“${YES}”记）。`,
  },
  {
    key: 'housingSecure',
    header: '住房安全',
    aliases: ['住房安全有保障', '住房安全保障'],
    required: false,
    household: true,
    width: 10,
    note: `户的信息，读户主行。住房安全有保障：${YES} 或 ${NO}，留空为“未核实”（不按“${YES}”记）。`,
  },
  {
    key: 'waterSecure',
    header: '饮水安全',
    aliases: ['饮水安全有保障', '饮水安全保障', '安全饮水'],
    required: false,
    household: true,
    width: 10,
    note: `户的信息，读户主行。饮水安全有保障：${YES} 或 ${NO}，留空为“未核实”（不按“${YES}”记）。`,
  },
  {
    key: 'status',
    header: '户状态',
    aliases: ['贫困户状态', '脱贫状态', '农户状态', '状态'],
    required: false,
    household: true,
    width: 14,
    note: '户的信息，读户主行。如“建档立卡贫困户”（或“未脱贫”）、“已脱贫”、“返贫户”、“脱贫监测户”、“非贫困户”。留空时：填了“贫困户属性”的按“建档立卡贫困户”，否则按“非贫困户”（报告中列出）。',
  },
  {
    key: 'povertyKind',
    header: '贫困户属性',
    aliases: ['贫困户类型', '贫困类型', '户属性'],
    required: false,
    household: true,
    width: 14,
    note: '户的信息，读户主行。一般贫困户、低保贫困户、特困供养贫困户（五保贫困户）。低保贫困户须在“低保类型”列写明一类低保或二类低保。',
  },
  {
    key: 'identifiedYear',
    header: '识别年度',
    aliases: ['识别年份', '纳入年度', '建档立卡年度', '贫困户识别年度', '识别时间'],
    required: false,
    household: true,
    width: 10,
    note: '户的信息，读户主行。识别为贫困户（建档立卡）的年份，如 2016。贫困户、已脱贫户、返贫户必填；非贫困户不填。',
  },
  {
    key: 'exitYear',
    header: '脱贫年度',
    aliases: ['脱贫年份', '退出年度', '脱贫时间'],
    required: false,
    household: true,
    width: 10,
    note: '户的信息，读户主行。已脱贫户（及脱贫后的监测户、返贫户）必填，不早于识别年度；未脱贫户不填。',
  },
  {
    key: 'incomeYear',
    header: '收入年度',
    aliases: ['收入年份'],
    required: false,
    household: true,
    width: 10,
    note: '户的信息，读户主行。右边各项收入所属的年份。也可以不要此列，把年份写进收入的列名，如“2019年工资性收入”，一个文件可含多个年度。已脱贫户须有脱贫那一年的收入。',
  },
  {
    key: 'wage',
    header: '工资性收入',
    aliases: ['工资性收入（元）', '务工收入'],
    required: false,
    household: true,
    width: 12,
    note: '户的信息，读户主行。全户全年，单位元。四项收入填了一项，其余留空的按 0 记（报告中列出）。',
  },
  {
    key: 'production',
    header: '生产经营性收入',
    aliases: ['家庭经营性收入', '经营性收入', '生产经营收入'],
    required: false,
    household: true,
    width: 14,
    note: '户的信息，读户主行。全户全年，单位元。',
  },
  {
    key: 'property',
    header: '财产性收入',
    required: false,
    household: true,
    width: 12,
    note: '户的信息，读户主行。全户全年，单位元。',
  },
  {
    key: 'transfer',
    header: '转移性收入',
    required: false,
    household: true,
    width: 12,
    note: '户的信息，读户主行。全户全年，单位元（含低保金、养老金、各类补贴）。',
  },
  {
    key: 'perCapita',
    header: '人均可支配收入',
    aliases: ['人均纯收入', '年人均纯收入', '家庭人均纯收入', '人均收入', '家庭年人均纯收入'],
    required: false,
    household: true,
    width: 14,
    note: '户的信息，读户主行。选填，用来核对：系统按四项收入之和除以本户人数计算，与此列相差超过 1 元的报为问题。只有此列而没有四项收入的不能导入。',
  },
  {
    key: 'incomeTarget',
    header: '增收目标',
    aliases: ['增收目标（元）', '年度增收目标', '帮扶计划增收目标', '一户一策增收目标'],
    required: false,
    household: true,
    width: 10,
    note: '户的信息，读户主行。一户一策：本户今年的增收目标，单位元。填了下面任一项帮扶措施的户必填；没有措施的户不填。',
  },
  ...MEASURE_KINDS.flatMap(measureColumns),
];

/** Columns the import reads but the template does not write: other spellings of what the template has. */
export const READ_ONLY_COLUMNS: readonly Column[] = [
  {
    key: 'foodClothingSecure',
    header: '吃穿不愁',
    aliases: ['不愁吃穿', '不愁吃不愁穿', '吃穿'],
    required: false,
    household: true,
    width: 8,
    note: '不愁吃、不愁穿合在一列：是 或 否，两项同记。',
  },
];

/** Every column the import recognises. */
export const READ_COLUMNS: readonly Column[] = [...COLUMNS, ...READ_ONLY_COLUMNS];

export const COLUMN_BY_KEY = Object.fromEntries(READ_COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, Column>;
export const HOUSEHOLD_COLUMNS = READ_COLUMNS.filter((c) => c.household).map((c) => c.key);

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
  READ_COLUMNS.flatMap((c) => [c.header, ...(c.aliases ?? [])].map((h) => [normaliseHeader(h), c.key] as const)),
);

export function columnForHeader(header: string): ColumnKey | undefined {
  return HEADER_LOOKUP.get(normaliseHeader(header));
}

/**
 * A yearly income column of the national register's exports: "2019年工资性收入", "2020年度人均纯收入",
 * "工资性收入（2019年）". The year may also stand in a group header above (a two-row header).
 */
export function incomeColumn(header: string, group = ''): { year: number; part: IncomePart } | undefined {
  const year = /((?:19|20)\d{2})\s*年?/.exec(header) ?? /((?:19|20)\d{2})\s*年?/.exec(group);
  if (!year) return undefined;
  const key = columnForHeader(header.replace(/((?:19|20)\d{2})\s*年?度?/, '')) ?? columnForHeader(header);
  if (key === 'wage' || key === 'production' || key === 'property' || key === 'transfer' || key === 'perCapita')
    return { year: Number(year[1]), part: key };
  return undefined;
}

/**
 * Columns of the national register's exports and of county sheets that the registry has no place for, with
 * the reason the report gives (a key of roster.notImported). Recognised, so the report does not call them unknown.
 */
const NOT_IMPORTED: Record<string, string> = {
  序号: 'serial',
  户编号: 'householdNumber',
  人编号: 'householdNumber',
  省: 'areaName',
  省份: 'areaName',
  市: 'areaName',
  县: 'areaName',
  县区: 'areaName',
  乡镇: 'areaName',
  乡: 'areaName',
  镇: 'areaName',
  行政村: 'areaName',
  村: 'areaName',
  自然村: 'areaName',
  性别: 'fromId',
  出生日期: 'fromId',
  年龄: 'fromId',
  人数: 'counted',
  家庭人口数: 'counted',
  家庭人数: 'counted',
  户人数: 'counted',
  民族: 'noField',
  政治面貌: 'noField',
  文化程度: 'noField',
  务工状况: 'noField',
  务工时间: 'noField',
  务工地点: 'noField',
  残疾证号: 'noField',
  残疾等级: 'noField',
  残疾类别: 'noField',
  是否参加大病保险: 'noField',
  是否参加城乡居民基本医疗保险: 'noField',
  是否参加城乡居民基本养老保险: 'noField',
  是否享受人身意外保险补贴: 'noField',
  耕地面积: 'noField',
  林地面积: 'noField',
  住房面积: 'noField',
  是否危房户: 'noField',
  危房级别: 'noField',
  是否饮水困难: 'noField',
  开户银行: 'noField',
  银行账号: 'noField',
  计划脱贫年度: 'plannedExit',
  帮扶措施: 'helpPlan',
  帮扶措施类型: 'helpPlan',
  帮扶项目: 'helpPlan',
  帮扶计划: 'helpPlan',
  一户一策: 'helpPlan',
  帮扶责任人: 'pairing',
  帮扶干部: 'pairing',
  帮扶单位: 'pairing',
  监测对象类别: 'monitoring',
  监测对象类型: 'monitoring',
  备注: 'noField',
};
const NOT_IMPORTED_LOOKUP = new Map(Object.entries(NOT_IMPORTED).map(([h, r]) => [normaliseHeader(h), r]));
/** Why a recognised column is not imported (a key under roster.notImported), or undefined for an unknown column. */
export function notImportedReason(header: string): string | undefined {
  return NOT_IMPORTED_LOOKUP.get(normaliseHeader(header));
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
export const MEASURE_STATUS_LABELS = zh.plans.statuses as Record<MeasureStatus, string>;
export const MEASURE_LABELS = zh.plans.kinds as Record<MeasureKind, string>;

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
  兄: 'SIBLING',
  弟: 'SIBLING',
  姐: 'SIBLING',
  妹: 'SIBLING',
  兄弟姐妹: 'SIBLING',
  儿媳妇: 'CHILD_IN_LAW',
  媳: 'CHILD_IN_LAW',
  岳父: 'PARENT',
  岳母: 'PARENT',
  公公: 'PARENT',
  婆婆: 'PARENT',
  外孙: 'GRANDCHILD',
  孙: 'GRANDCHILD',
  祖父: 'OTHER',
  祖母: 'OTHER',
  其它: 'OTHER',
});
const HEALTH_BY_LABEL = lookup(HEALTH, HEALTH_LABELS, {
  慢性病: 'CHRONIC',
  大病: 'SERIOUS',
  患大病: 'SERIOUS',
  残疾人: 'DISABLED',
  良好: 'HEALTHY',
  健康状况良好: 'HEALTHY',
  长期慢性病患者: 'CHRONIC',
  患大病者: 'SERIOUS',
  重病: 'SERIOUS',
});
const LABOUR_BY_LABEL = lookup(LABOUR, LABOUR_LABELS, {
  普通劳动力: 'NORMAL',
  技能劳动力: 'NORMAL',
  弱劳动力或半劳动力: 'WEAK',
  半劳动力: 'WEAK',
  丧失劳动力: 'NONE',
  丧失劳动能力: 'NONE',
  无劳动能力: 'NONE',
  弱劳动能力: 'WEAK',
  半劳动能力: 'WEAK',
  有劳动能力: 'NORMAL',
  劳动力: 'NORMAL',
});
const ALLOWANCE_BY_LABEL = lookup(ALLOWANCES, ALLOWANCE_LABELS, {
  非低保: 'NONE',
  一类: 'DIBAO_1',
  二类: 'DIBAO_2',
  五保户: 'WUBAO',
  特困供养: 'WUBAO',
  否: 'NONE',
  一类低保户: 'DIBAO_1',
  二类低保户: 'DIBAO_2',
  一类低保对象: 'DIBAO_1',
  二类低保对象: 'DIBAO_2',
  特困: 'WUBAO',
  特困人员: 'WUBAO',
  特困供养人员: 'WUBAO',
  分散供养特困人员: 'WUBAO',
  集中供养特困人员: 'WUBAO',
  五保对象: 'WUBAO',
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
  ['有保障', true],
  ['无保障', false],
  ['未保障', false],
  ['没有保障', false],
  ['安全', true],
  ['不安全', false],
  ['达标', true],
  ['不达标', false],
  ['已解决', true],
  ['未解决', false],
  ['对', true],
  ['错', false],
]);

/** 之子, 之女, 之孙子…: the national register writes relations from the head's side with a leading 之. */
export const relationOf = (label: string) =>
  RELATIONS_BY_LABEL(label) ?? (label.startsWith('之') ? RELATIONS_BY_LABEL(label.slice(1)) : undefined);
export const healthOf = HEALTH_BY_LABEL;
export const labourOf = LABOUR_BY_LABEL;
export const allowanceOf = ALLOWANCE_BY_LABEL;
export const causeOf = CAUSE_BY_LABEL;
export const yesNoOf = (label: string) => YES_NO.get(label) ?? YES_NO.get(normaliseLabel(label));

// 在校生状况 of the national register: a school stage means in school.
const NOT_IN_SCHOOL = /^(非在校生|不在校|未在校|未上学|未入学|辍学|失学|已毕业|毕业|无)$/;
const SCHOOL_STAGE =
  /^(在校|在读|在校生|学前|学前教育|幼儿园|小学|初中|初一|初二|初三|七年级|八年级|九年级|[一二三四五六]年级|高中|普通高中|高一|高二|高三|中职|中专|技校|职高|高职|大专|专科|本科|研究生|硕士|博士)/;
/** 在校生: 是/否, or the register's 在校生状况 (a stage of school, or 非在校生). */
export const inSchoolOf = (label: string) => {
  const flag = yesNoOf(label);
  if (flag !== undefined) return flag;
  const text = normaliseLabel(label);
  if (NOT_IN_SCHOOL.test(text)) return false;
  if (SCHOOL_STAGE.test(text)) return true;
  return undefined;
};

export const STATUS_LABELS = zh.households.statuses as Record<string, string>;
const STATUS_ALIASES: Record<string, string> = {
  未脱贫: 'REGISTERED_POOR',
  未脱贫户: 'REGISTERED_POOR',
  贫困户: 'REGISTERED_POOR',
  建档立卡户: 'REGISTERED_POOR',
  建档立卡贫困人口: 'REGISTERED_POOR',
  已脱贫: 'LIFTED_OUT',
  脱贫: 'LIFTED_OUT',
  脱贫户: 'LIFTED_OUT',
  已脱贫户: 'LIFTED_OUT',
  稳定脱贫: 'LIFTED_OUT',
  标注脱贫: 'LIFTED_OUT',
  返贫: 'RETURNED_TO_POVERTY',
  已返贫: 'RETURNED_TO_POVERTY',
  监测户: 'MONITORED',
  监测对象: 'MONITORED',
  防返贫监测对象: 'MONITORED',
  脱贫不稳定户: 'MONITORED',
  边缘易致贫户: 'MONITORED',
  突发严重困难户: 'MONITORED',
  一般农户: 'NOT_POOR',
  非贫困户: 'NOT_POOR',
  清退: 'REMOVED',
  已清退: 'REMOVED',
  清退户: 'REMOVED',
  剔除: 'REMOVED',
};
const STATUS_BY_LABEL = lookup(
  HOUSEHOLD_STATUSES,
  Object.fromEntries(HOUSEHOLD_STATUSES.map((s) => [s, STATUS_LABELS[s] ?? s])) as Record<HouseholdStatus, string>,
  // Only statuses the registry has (the list follows lib/enums.ts).
  Object.fromEntries(
    Object.entries(STATUS_ALIASES).filter(([, v]) => (HOUSEHOLD_STATUSES as readonly string[]).includes(v)),
  ) as Record<string, HouseholdStatus>,
);
export const statusOf = STATUS_BY_LABEL;

/** 贫困户属性: what kind of allowance the registered household receives. */
export type PovertyKind = 'GENERAL' | 'DIBAO' | 'WUBAO';
export const POVERTY_KIND_LABELS: Record<PovertyKind, string> = {
  GENERAL: '一般贫困户',
  DIBAO: '低保贫困户',
  WUBAO: '特困供养贫困户',
};
const POVERTY_KIND_BY_LABEL = lookup(['GENERAL', 'DIBAO', 'WUBAO'] as const, POVERTY_KIND_LABELS, {
  一般户: 'GENERAL',
  一般贫困: 'GENERAL',
  低保户: 'DIBAO',
  低保: 'DIBAO',
  低保贫困: 'DIBAO',
  五保贫困户: 'WUBAO',
  五保户: 'WUBAO',
  特困供养户: 'WUBAO',
  特困贫困户: 'WUBAO',
  特困供养: 'WUBAO',
  分散供养特困贫困户: 'WUBAO',
  集中供养特困贫困户: 'WUBAO',
});
export const povertyKindOf = POVERTY_KIND_BY_LABEL;

export const measureStatusOf = lookup(MEASURE_STATUSES, MEASURE_STATUS_LABELS, {
  计划中: 'PLANNED',
  未开始: 'PLANNED',
  未实施: 'PLANNED',
  进行中: 'IN_PROGRESS',
  在建: 'IN_PROGRESS',
  实施: 'IN_PROGRESS',
  完成: 'DONE',
  已落实: 'DONE',
  落实: 'DONE',
});

/** A year such as 2016, "2016年", "2016年度"; undefined when the text is not one. */
export function yearOf(text: string): number | undefined {
  const m = /^((?:19|20)\d{2})(?:\.0+)?\s*年?度?$/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/** An amount in yuan: "12345", "12,345.60", "12345元"; rounded to whole yuan. Undefined when it is not one. */
export function yuanOf(text: string): { yuan: number; rounded: boolean } | undefined {
  const plain = text.replace(/[,，\s]/g, '').replace(/元$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return undefined;
  const value = Number(plain);
  if (!Number.isFinite(value) || value < 0 || value > 100_000_000) return undefined;
  const yuan = Math.round(value);
  return { yuan, rounded: yuan !== value };
}

const QUOTED_LIVE_TEXT = /^'(?=[=+\-@\t\r\n])/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters a cell must not carry
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u00a0\u200b-\u200f\u2028-\u202f\u2060\u3000\ufeff\uff01-\uff5e]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters a cell must not carry
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2060\ufeff]/g;
/**
 * A cell's text as the registry keeps it: full-width letters, digits and signs as half-width ("３组" = "3组"),
 * no-break and ideographic spaces as spaces, zero-width and control characters removed, runs of spaces as one,
 * trimmed. Not NFKC: that would also fold the CJK compatibility ideographs of rare names into other characters.
 */
export function cleanText(cell: string): string {
  // Our own exports put a quote before text that starts like a formula (lib/spreadsheet.ts); take it off.
  const value = cell.startsWith(TEXT_PREFIX) ? cell.replace(QUOTED_LIVE_TEXT, '') : cell;
  if (!NEEDS_CLEANING.test(value)) return value.trim();
  return value
    .replace(INVISIBLE, '')
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u3000\u2028-\u202f]+/g, ' ')
    .trim();
}

/** Names and group names: as cleanText, and without any space between Chinese characters ("张　三" = "张三"). */
export function cleanName(value: string): string {
  return value
    .replace(/(?<=[\u3400-\u9fff\u{20000}-\u{3134f}]) (?=[\u3400-\u9fff\u{20000}-\u{3134f}])/gu, '')
    .replace(/(?<=\d) (?=组)/g, '');
}

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
    case 'status':
      return '建档立卡贫困户（未脱贫）、已脱贫、返贫户、脱贫监测户、非贫困户';
    case 'povertyKind':
      return labelList(POVERTY_KIND_LABELS);
    case 'identifiedYear':
    case 'exitYear':
    case 'incomeYear':
      return '四位年份，如 2016';
    case 'wage':
    case 'production':
    case 'property':
    case 'transfer':
    case 'perCapita':
      return '金额（元），如 12000';
    case 'incomeTarget':
      return '金额（元），如 3000';
    case 'foodClothingSecure':
    case 'inSchool':
    case 'foodSecure':
    case 'clothingSecure':
    case 'educationSecure':
    case 'medicalSecure':
    case 'housingSecure':
    case 'waterSecure':
      return `${YES}、${NO}`;
    default:
      if (key.startsWith('measureYuan_')) return '金额（元），如 5000';
      if (key.startsWith('measureStatus_')) return labelList(MEASURE_STATUS_LABELS);
      if (key.startsWith('measure_')) return '措施的目标（文字）';
      return '';
  }
}

// The template's example row: its ID number is made up (province 99 does not exist), and a file that
// still contains it is told to delete the row rather than registering a person who does not exist.
export const EXAMPLE_ID = '990102197803150037';
