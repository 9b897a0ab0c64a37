// Checking a roster (花名册) row by row and household by household, and planning what an import
// writes. Pure: the spreadsheet is read elsewhere (xlsx.ts, csv.ts) and fed in sheet by sheet, row by row;
// the database's part (which villages exist, which ID numbers are registered) comes in as a set and a
// function. Messages are keys into messages/*.json, turned into the user's language by the data layer.
//
// Never a wrong value in silence: a cell that cannot be read is a problem of its row (never a default), a
// column that is not read is listed with the reason, and every default applied to a blank cell is counted.
import type {
  AllowanceType,
  HealthStatus,
  HouseholdStatus,
  LabourAbility,
  PovertyCause,
  Relation,
  Sex,
} from '@/lib/enums';
import type { CHECKLIST } from '@/lib/households/schema';
import {
  MAX_INCOME_TARGET,
  MAX_MEASURE_TARGET,
  MEASURE_KINDS,
  type Measure,
  type MeasureKind,
  type MeasureStatus,
} from '@/lib/plans/rules';
import { isWithinScope } from '@/lib/regions/rules';
import { checkIdNumber, isPhoneNumber, normaliseIdNumber, normalisePhone } from '@/lib/validation';
import { CellProblem } from './cell';
import {
  ALLOWANCE_LABELS,
  allowanceOf,
  allowedValues,
  CAUSE_LABELS,
  type ColumnKey,
  causeOf,
  cleanName,
  cleanText,
  columnForHeader,
  EXAMPLE_ID,
  HEALTH_LABELS,
  HOUSEHOLD_COLUMNS,
  healthOf,
  INCOME_PARTS,
  type IncomePart,
  incomeColumn,
  inSchoolOf,
  LABOUR_LABELS,
  labourOf,
  MEASURE_LABELS,
  MEASURE_STATUS_LABELS,
  measureColumn,
  measureColumnOf,
  measureStatusOf,
  NO,
  normaliseHeader,
  notImportedReason,
  POVERTY_KIND_LABELS,
  type PovertyKind,
  povertyKindOf,
  READ_COLUMNS,
  relationOf,
  STATUS_LABELS,
  splitList,
  statusOf,
  YES,
  yearOf,
  yesNo,
  yesNoOf,
  yuanOf,
} from './columns';

/** The most data rows one file may hold (a large county has about 150,000 registered people). */
export const MAX_ROWS = 200_000;
/** The most problems the report lists one by one; the counts always cover all of them. */
export const MAX_ISSUES_LISTED = 1_000;

/**
 * A problem of a cell, a row or a household. `sheet`: the index of the sheet read (0 for the first sheet
 * read); `header`: the column's header as the file has it, where it is not the template's (a yearly income column).
 */
export type Issue = {
  sheet: number;
  row: number;
  column: ColumnKey | null;
  header?: string;
  key: string;
  params?: Record<string, string | number>;
};

/** One key per row of the file, across sheets (a sheet has at most 2^20 rows). */
export const rowAt = (sheet: number, row: number) => sheet * 2_097_152 + row;
const issueAt = (issue: Issue) => rowAt(issue.sheet, issue.row);

type Checklist = Record<(typeof CHECKLIST)[number], boolean | null>;
type ChecklistKey = (typeof CHECKLIST)[number];
const CHECK_KEYS: readonly ChecklistKey[] = [
  'foodSecure',
  'clothingSecure',
  'educationSecure',
  'medicalSecure',
  'housingSecure',
  'waterSecure',
];

/** A year's income of the household, in whole yuan; `perCapita` only when the file gave it (to check against). */
export type IncomeFacts = { wage: number; production: number; property: number; transfer: number };
export type IncomeYear = IncomeFacts & { year: number };

/**
 * What the household's columns say, as one head's row gives them. `null` for a checklist item: not
 * verified (left blank): never "met" by default.
 */
export type HouseholdFacts = {
  allowance: AllowanceType;
  povertyCauses: PovertyCause[];
  status: HouseholdStatus;
  identifiedYear: number | null;
  exitYear: number | null;
  incomes: IncomeYear[];
  plan: PlanFacts | null;
} & Checklist;

/** The household cells filled in on one row (any row of the household may carry them; they must agree). */
export type RowFacts = {
  allowance?: AllowanceType;
  povertyCauses?: PovertyCause[];
  status?: HouseholdStatus;
  povertyKind?: PovertyKind;
  identifiedYear?: number;
  exitYear?: number;
  incomeYear?: number;
  foodClothingSecure?: boolean;
  /** `${year}:${part}` (year 0: the 收入年度 column's year) → yuan. */
  income?: Record<string, number>;
  /** 一户一策: the income target and, per measure kind, its target, yuan and progress. */
  incomeTarget?: number;
} & Partial<Record<ChecklistKey, boolean>> &
  Partial<Record<`measure_${MeasureKind}`, string>> &
  Partial<Record<`measureYuan_${MeasureKind}`, number>> &
  Partial<Record<`measureStatus_${MeasureKind}`, MeasureStatus>>;

/** This year's help plan the roster gives a household (its cadre: the household's paired cadre, once paired). */
export type PlanFacts = { incomeTargetYuan: number; measures: Measure[] };

export type ParsedRow = {
  /** The sheet's index among the sheets read, and the row's number in it. */
  sheet: number;
  row: number;
  /** The normalised 户主身份证号 as typed: the household this row belongs to ('' when blank). */
  householdKey: string;
  villageCode?: string;
  groupName?: string;
  relation?: Relation;
  name?: string;
  /** A valid, normalised ID number; absent when the cell is wrong. */
  idNumber?: string;
  sex?: Sex;
  birthDate?: Date;
  phone?: string;
  health: HealthStatus;
  labour: LabourAbility;
  inSchool: boolean;
  /** Household columns that were filled in on this row. */
  household: RowFacts;
  /** Set by the data layer: the keyed hash of the ID number. */
  hash?: string;
};

// ───────────────────────── cells ─────────────────────────

/**
 * The text of a cell value: strings (cleaned: see cleanText), numbers, rich text, formulas (their result),
 * hyperlinks. A CellProblem (an error value, a formula without its result) has no text: the checker reports it.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    const text = cleanText(value);
    // The export writes text that starts with = + - @ behind an apostrophe (formula injection); read it back.
    return text[0] === "'" && /^'[=+\-@]/.test(text) ? text.slice(1) : text;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? YES : NO;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value instanceof CellProblem) return '';
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(cell.richText)) return cleanText(cell.richText.map((part) => part.text).join(''));
    if ('result' in cell) return cellText(cell.result);
    if ('text' in cell) return cellText(cell.text);
    if ('error' in cell) return '';
  }
  return cleanText(String(value));
}

/** Excel turned an 18-digit number into a float: the last digits are gone and cannot be recovered. */
function lostDigits(value: unknown): boolean {
  const result =
    value && typeof value === 'object' && 'result' in value ? (value as { result: unknown }).result : value;
  if (typeof result === 'string') return /^\d(\.\d+)?E\+\d+$/i.test(result.trim()); // a CSV saved by Excel
  return typeof result === 'number' && (result > Number.MAX_SAFE_INTEGER || !Number.isInteger(result));
}

/** An ID number with hidden digits, as the export writes them without the right to see them. */
export const isMaskedId = (text: string) => /^[0-9A-Za-z]{0,8}[*＊]{2,}[0-9Xx]{0,6}$/.test(text);

// ───────────────────────── header ─────────────────────────

/** A column of the file that is not read, and why (a key under roster.skippedColumn). */
export type SkippedColumn = { index: number; header: string; reason: string };
export type IncomeColumn = { index: number; year: number; part: IncomePart; header: string };

export type Header = {
  columns: Partial<Record<ColumnKey, number>>;
  /** The header text of each mapped column, as the file has it. */
  headers: Partial<Record<ColumnKey, string>>;
  /** Income columns with their year in the header ("2019年工资性收入") or in the group header above. */
  incomes: IncomeColumn[];
  missing: ColumnKey[];
  skipped: SkippedColumn[];
  /** 1, or 2 for a two-row header (a group such as 两不愁三保障 merged over the columns named below it). */
  rows: 1 | 2;
};

/**
 * Maps columns by their header text, wherever they are; cells are 1-based like exceljs `row.values`. With
 * `sub` (a two-row header), a column is named by its cell in the second row, or by the first row's cell
 * where the second is blank (a column merged over both rows); the first row's text over a run of named
 * columns is their group (where an income column's year may stand: "2019年收入" over 工资性收入…).
 */
export function readHeader(top: readonly unknown[], sub?: readonly unknown[]): Header {
  const columns: Partial<Record<ColumnKey, number>> = {};
  const headers: Partial<Record<ColumnKey, string>> = {};
  const incomes: IncomeColumn[] = [];
  const skipped: SkippedColumn[] = [];
  const width = Math.max(top.length, sub?.length ?? 0);
  let group = '';
  for (let index = 1; index < width; index++) {
    const upper = cellText(top[index]);
    const lower = sub ? cellText(sub[index]) : '';
    if (upper) group = upper;
    else if (!lower) group = '';
    const header = lower && normaliseHeader(lower) ? lower : upper;
    if (!header) continue;
    const inGroup = lower ? group : '';
    const income = incomeColumn(header, inGroup);
    if (income) {
      if (incomes.some((c) => c.year === income.year && c.part === income.part))
        skipped.push({ index, header, reason: 'duplicate' });
      else incomes.push({ index, header, ...income });
      continue;
    }
    const key = columnForHeader(header);
    if (key) {
      if (columns[key] !== undefined) skipped.push({ index, header, reason: 'duplicate' });
      else {
        columns[key] = index;
        headers[key] = header;
      }
      continue;
    }
    skipped.push({ index, header, reason: notImportedReason(header) ?? 'unknown' });
  }
  const missing = READ_COLUMNS.filter((c) => c.required && columns[c.key] === undefined).map((c) => c.key);
  return { columns, headers, incomes, missing, skipped, rows: sub ? 2 : 1 };
}

const mapped = (header: Header) => Object.keys(header.columns).length + header.incomes.length;
/** A row of data rather than of headers: it carries an ID number or a village code. */
const looksLikeData = (cells: readonly unknown[]) =>
  cells.some((cell) => /^(\d{17}[\dXx]|\d{15}|\d{12}|\d{4}[*＊]{6,}\d{3}[\dXx])$/.test(cellText(cell)));

/** True when the row has most of the roster's required headers: used to find the roster sheets. */
export function looksLikeHeader(cells: readonly unknown[]): boolean {
  return readHeader(cells).missing.length <= 2;
}

/**
 * The header starting at `top`, if it is one: two rows when the row below names more columns together with
 * it (and is not data), else one. Null when the row is not a roster header.
 */
export function headerAt(top: readonly unknown[], next?: readonly unknown[]): Header | null {
  const one = readHeader(top);
  if (next && !looksLikeData(next)) {
    const two = readHeader(top, next);
    if (two.missing.length <= 2 && mapped(two) > mapped(one)) return two;
  }
  return one.missing.length <= 2 ? one : null;
}

// ───────────────────────── the checker ─────────────────────────

const ID_REASONS = {
  format: 'households.idFormat',
  birthDate: 'households.idBirthDate',
  checkDigit: 'households.idCheckDigit',
} as const;

export type CheckContext = {
  /** The user's area: villages must lie inside it. */
  scopeCode: string;
  /** The village codes of the user's area. */
  villages: ReadonlySet<string>;
  today?: Date;
  /** The current year in China (lib/time.ts chinaYear()): no year of the file may lie after it. */
  year?: number;
};

/** A default applied to blank cells (or to a whole missing column), counted per column and value. */
export type AppliedDefault = {
  column: ColumnKey;
  /** The value recorded, as a label ("健康", "未核实"). */
  value: string;
  count: number;
  /** 'people' or 'households'. */
  unit: 'people' | 'households';
  /** The column is not in the file at all. */
  absent: boolean;
  /** Not a default: amounts with jiao and fen, recorded rounded to whole yuan (`count` cells). */
  rounded?: true;
};

export type FileCheck = {
  rows: ParsedRow[];
  /** Household key → its rows, in file order; households in order of their first row. */
  households: Map<string, ParsedRow[]>;
  /** Household key → its facts (head's row, defaults and derived values applied). */
  facts: Map<string, HouseholdFacts>;
  issues: Issue[];
  defaults: AppliedDefault[];
  /** Rows whose ID number is masked (an export without the right to see full numbers). */
  maskedRows: number;
};

/** Statuses of a household that was identified as poor: its identification year is needed. */
const IDENTIFIED = new Set([
  'REGISTERED_POOR',
  'EXIT_PROPOSED',
  'EXIT_APPRAISED',
  'EXIT_NOTICE',
  'EXIT_REVIEW',
  'EXIT_REVIEWED',
  'EXIT_ANNOUNCEMENT',
  'LIFTED_OUT',
  'RETURN_NOTICE',
  'RETURNED_TO_POVERTY',
]);
/** Statuses a household has after exiting: only these carry an exit year. */
const EXITED = new Set(['LIFTED_OUT', 'MONITORED', 'RETURN_NOTICE', 'RETURNED_TO_POVERTY']);
const incomeKey = (year: number, part: IncomePart) => `${year}:${part}`;

/**
 * Feed it each sheet's header, then that sheet's data rows; `finish()` adds the checks across rows (one head
 * per household, IDs unique in the file, the household's columns agree, the household's facts agree with each
 * other). Rows are checked as they arrive, so a file of 100,000 rows is never held as raw cells.
 */
export class RosterChecker {
  private header: Header | null = null;
  private sheet = -1;
  private readonly rows: ParsedRow[] = [];
  private readonly issues: Issue[] = [];
  private readonly today: Date;
  private readonly year: number;
  /** Person defaults: column → value label → count, and whether the column was absent. */
  private readonly personDefaults = new Map<string, AppliedDefault>();
  private masked = 0;
  /** Amounts rounded to whole yuan, per column. */
  private readonly roundedCells = new Map<ColumnKey, AppliedDefault>();
  /** The columns some sheet read has: a household default on a column no sheet has says "missing column". */
  private readonly present = new Set<ColumnKey>();

  constructor(private readonly context: CheckContext) {
    this.today = context.today ?? new Date();
    this.year = context.year ?? this.today.getUTCFullYear();
  }

  /** Starts a sheet with its header; returns the required columns it lacks. */
  setHeader(header: Header | readonly unknown[]): ColumnKey[] {
    this.header = Array.isArray(header) ? readHeader(header) : (header as Header);
    this.sheet += 1;
    for (const column of READ_COLUMNS) if (this.header.columns[column.key] !== undefined) this.present.add(column.key);
    return this.header.missing;
  }

  get rowCount() {
    return this.rows.length;
  }

  get maskedRows() {
    return this.masked;
  }

  private personDefault(column: ColumnKey, value: string, absent: boolean) {
    const key = `${column}|${value}|${absent}`;
    const entry = this.personDefaults.get(key);
    if (entry) entry.count += 1;
    else this.personDefaults.set(key, { column, value, count: 1, unit: 'people', absent });
  }

  private noteRounded(column: ColumnKey, amount: { rounded: boolean }) {
    if (!amount.rounded) return;
    const entry = this.roundedCells.get(column);
    if (entry) entry.count += 1;
    else
      this.roundedCells.set(column, {
        column,
        value: '整元',
        count: 1,
        unit: 'households',
        absent: false,
        rounded: true,
      });
  }

  /** Checks one data row (spreadsheet row number `row`); blank rows are skipped. Returns false past MAX_ROWS. */
  addRow(row: number, cells: readonly unknown[]): boolean {
    const header = this.header;
    if (!header) throw new Error('setHeader first');
    const { columns } = header;
    const sheet = this.sheet;
    // Each cell's text once: this runs 100,000 times for a county.
    const text = {} as Record<ColumnKey, string>;
    let unreadable: ColumnKey[] | null = null;
    let blank = true;
    for (const column of READ_COLUMNS) {
      const index = columns[column.key];
      const cell = index === undefined ? undefined : cells[index];
      if (cell instanceof CellProblem) {
        (unreadable ??= []).push(column.key);
        blank = false;
        text[column.key] = '';
        continue;
      }
      const value = cell === undefined || cell === null ? '' : cellText(cell);
      text[column.key] = value;
      if (value) blank = false;
    }
    const incomeText: string[] = [];
    const incomeProblems: IncomeColumn[] = [];
    for (const [i, column] of header.incomes.entries()) {
      const cell = cells[column.index];
      if (cell instanceof CellProblem) {
        incomeProblems.push(column);
        blank = false;
        incomeText[i] = '';
        continue;
      }
      incomeText[i] = cellText(cell);
      if (incomeText[i]) blank = false;
    }
    if (blank) return true;
    if (this.rows.length >= MAX_ROWS) return false;
    const issue = (column: ColumnKey | null, key: string, params?: Issue['params'], columnHeader?: string) => {
      const entry: Issue = { sheet, row, column, key };
      if (params) entry.params = params;
      const shown = columnHeader ?? (column ? header.headers[column] : undefined);
      if (shown) entry.header = shown;
      this.issues.push(entry);
    };
    const problem = (cell: CellProblem) =>
      cell.kind === 'error'
        ? (['roster.issues.cellError', { value: cell.text }] as const)
        : (['roster.issues.formulaNoValue', { formula: `=${cell.text}`.slice(0, 60) }] as const);
    const bad = new Set<ColumnKey>(unreadable ?? []);
    for (const key of bad) {
      const [message, params] = problem(cells[columns[key] as number] as CellProblem);
      issue(key, message, params);
    }
    for (const column of incomeProblems) {
      const [message, params] = problem(cells[column.index] as CellProblem);
      issue(column.part, message, params, column.header);
    }
    const required = (key: ColumnKey) => {
      if (!text[key] && !bad.has(key)) issue(key, 'errors.required');
      return text[key] || undefined;
    };
    const choice = <T>(key: ColumnKey, parse: (label: string) => T | undefined, fallback: T, label: string): T => {
      const value = text[key];
      if (!value) {
        if (!bad.has(key)) this.personDefault(key, label, columns[key] === undefined);
        return fallback;
      }
      const parsed = parse(value);
      if (parsed === undefined) issue(key, 'roster.issues.unknownValue', { value, allowed: allowedValues(key) });
      return parsed ?? fallback;
    };

    const parsed: ParsedRow = {
      sheet,
      row,
      householdKey: '',
      health: 'HEALTHY',
      labour: 'NORMAL',
      inSchool: false,
      household: {},
    };

    // 行政村区划代码
    const village = required('villageCode');
    if (village) {
      if (!/^\d{12}$/.test(village)) issue('villageCode', 'roster.issues.villageFormat');
      else if (!isWithinScope(village, this.context.scopeCode)) issue('villageCode', 'households.villageOutside');
      else if (!this.context.villages.has(village)) issue('villageCode', 'roster.issues.villageUnknown');
      else parsed.villageCode = village;
    }

    // 村民小组, 姓名: spaces between Chinese characters and before 组 go ("３ 组" = "3组").
    const group = required('groupName');
    if (group) {
      const clean = cleanName(group);
      if (clean.length > 20) issue('groupName', 'errors.tooLong', { max: 20 });
      else parsed.groupName = clean;
    }
    const name = required('name');
    if (name) {
      const clean = cleanName(name);
      if (clean.length > 40) issue('name', 'errors.tooLong', { max: 40 });
      else parsed.name = clean;
    }

    // 户主身份证号: groups the rows; checked like any ID number.
    let masked = false;
    const headIndex = columns.headIdNumber;
    if (headIndex !== undefined && lostDigits(cells[headIndex])) issue('headIdNumber', 'roster.issues.idAsNumber');
    else {
      const headId = required('headIdNumber');
      if (headId) {
        parsed.householdKey = normaliseIdNumber(headId);
        if (isMaskedId(headId)) {
          masked = true;
          issue('headIdNumber', 'roster.issues.maskedId');
        } else {
          const check = checkIdNumber(headId, this.today);
          if (!check.ok) issue('headIdNumber', ID_REASONS[check.reason]);
        }
      }
    }

    // 身份证号
    const idIndex = columns.idNumber;
    if (idIndex !== undefined && lostDigits(cells[idIndex])) issue('idNumber', 'roster.issues.idAsNumber');
    else {
      const id = required('idNumber');
      if (id) {
        if (isMaskedId(id)) {
          masked = true;
          issue('idNumber', 'roster.issues.maskedId');
        } else {
          const check = checkIdNumber(id, this.today);
          if (!check.ok) issue('idNumber', ID_REASONS[check.reason]);
          else if (check.idNumber === EXAMPLE_ID) issue('idNumber', 'roster.issues.exampleRow');
          else Object.assign(parsed, { idNumber: check.idNumber, sex: check.sex, birthDate: check.birthDate });
        }
      }
    }
    if (masked) this.masked += 1;

    // 与户主关系
    const relation = text.relation;
    if (!relation) {
      if (!bad.has('relation')) issue('relation', 'errors.required');
    } else {
      parsed.relation = relationOf(relation);
      if (!parsed.relation)
        issue('relation', 'roster.issues.unknownValue', { value: relation, allowed: allowedValues('relation') });
    }

    // 联系电话 (optional)
    const phone = text.phone;
    if (phone) {
      if (isPhoneNumber(phone)) parsed.phone = normalisePhone(phone);
      else issue('phone', 'households.phoneFormat');
    }

    parsed.health = choice('health', healthOf, 'HEALTHY' as HealthStatus, HEALTH_LABELS.HEALTHY);
    parsed.labour = choice('labour', labourOf, 'NORMAL' as LabourAbility, LABOUR_LABELS.NORMAL);
    parsed.inSchool = choice('inSchool', inSchoolOf, false, NO);

    // Household columns: kept only where filled, so that other members' rows may leave them blank.
    const facts = parsed.household;
    const unknown = (key: ColumnKey, value: string) =>
      issue(key, 'roster.issues.unknownValue', { value, allowed: allowedValues(key) });
    for (const key of HOUSEHOLD_COLUMNS) {
      const value = text[key];
      if (!value) continue;
      switch (key) {
        case 'allowance': {
          const allowance = allowanceOf(value);
          if (allowance) facts.allowance = allowance;
          else unknown(key, value);
          break;
        }
        case 'povertyCauses': {
          const causes: PovertyCause[] = [];
          const wrong: string[] = [];
          for (const label of splitList(value)) {
            const cause = causeOf(label);
            if (!cause) wrong.push(label);
            else if (!causes.includes(cause)) causes.push(cause);
          }
          if (wrong.length) unknown(key, wrong.join('、'));
          else facts.povertyCauses = causes;
          break;
        }
        case 'status': {
          const status = statusOf(value);
          if (status) facts.status = status;
          else unknown(key, value);
          break;
        }
        case 'povertyKind': {
          const kind = povertyKindOf(value);
          if (kind) facts.povertyKind = kind;
          else unknown(key, value);
          break;
        }
        case 'identifiedYear':
        case 'exitYear':
        case 'incomeYear': {
          const year = yearOf(value);
          if (year === undefined) unknown(key, value);
          else if (year > this.year) issue(key, 'roster.issues.yearFuture', { year, now: this.year });
          else if (year < 1980) unknown(key, value);
          else facts[key] = year;
          break;
        }
        case 'wage':
        case 'production':
        case 'property':
        case 'transfer':
        case 'perCapita': {
          const amount = yuanOf(value);
          if (amount === undefined) issue(key, 'roster.issues.notAmount', { value });
          else {
            (facts.income ??= {})[incomeKey(0, key)] = amount.yuan;
            this.noteRounded(key, amount);
          }
          break;
        }
        case 'incomeTarget': {
          const amount = yuanOf(value);
          if (amount === undefined || amount.yuan > MAX_INCOME_TARGET) issue(key, 'roster.issues.notAmount', { value });
          else {
            facts.incomeTarget = amount.yuan;
            this.noteRounded(key, amount);
          }
          break;
        }
        default: {
          const measure = measureColumnOf(key);
          if (measure) {
            this.measureCell(facts, measure, key, value, issue);
            break;
          }
          const flag = yesNoOf(value);
          if (flag === undefined) unknown(key, value);
          else facts[key as ChecklistKey | 'foodClothingSecure'] = flag;
        }
      }
    }
    for (const [i, column] of header.incomes.entries()) {
      const value = incomeText[i];
      if (!value) continue;
      const amount = yuanOf(value);
      if (amount === undefined) issue(column.part, 'roster.issues.notAmount', { value }, column.header);
      else if (column.year > this.year)
        issue(column.part, 'roster.issues.yearFuture', { year: column.year, now: this.year }, column.header);
      else {
        (facts.income ??= {})[incomeKey(column.year, column.part)] = amount.yuan;
        this.noteRounded(column.part, amount);
      }
    }

    this.rows.push(parsed);
    return true;
  }

  /** One cell of a measure kind's three columns (target text, yuan, progress) into the row's facts. */
  private measureCell(
    facts: RowFacts,
    measure: { kind: MeasureKind; part: 'target' | 'yuan' | 'status' },
    key: ColumnKey,
    value: string,
    issue: (key: ColumnKey, message: string, params?: Issue['params']) => void,
  ) {
    const keys = measureColumn(measure.kind);
    if (measure.part === 'target') {
      if (value.length > MAX_MEASURE_TARGET) issue(key, 'errors.tooLong', { max: MAX_MEASURE_TARGET });
      else facts[keys.target] = value;
    } else if (measure.part === 'yuan') {
      const amount = yuanOf(value);
      if (amount === undefined) issue(key, 'roster.issues.notAmount', { value });
      else {
        facts[keys.yuan] = amount.yuan;
        this.noteRounded(key, amount);
      }
    } else {
      const status = measureStatusOf(value);
      if (status) facts[keys.status] = status;
      else issue(key, 'roster.issues.unknownValue', { value, allowed: allowedValues(key) });
    }
  }

  /** The checks across rows. Call once, after the last row. */
  finish(): FileCheck {
    const issues = this.issues;
    const households = new Map<string, ParsedRow[]>();
    const byId = new Map<string, ParsedRow[]>();
    for (const row of this.rows) {
      if (row.householdKey) {
        const list = households.get(row.householdKey);
        if (list) list.push(row);
        else households.set(row.householdKey, [row]);
      }
      if (row.idNumber) {
        const seen = byId.get(row.idNumber);
        if (seen) seen.push(row);
        else byId.set(row.idNumber, [row]);
      }
    }
    const sheetsRead = this.sheet + 1;
    const where = (r: ParsedRow) => (sheetsRead > 1 ? `${r.row}（${r.sheet + 1}）` : r.row);
    const at = (r: ParsedRow, column: ColumnKey | null, key: string, params?: Issue['params'], header?: string) => {
      const entry: Issue = { sheet: r.sheet, row: r.row, column, key };
      if (params) entry.params = params;
      if (header) entry.header = header;
      issues.push(entry);
    };

    // The same person twice: every occurrence is marked, naming the others (which one is right is the clerk's call).
    for (const rows of byId.values()) {
      if (rows.length < 2) continue;
      for (const row of rows) {
        const others = rows.filter((r) => r !== row);
        const list = others.slice(0, 5).map(where).join('、') + (others.length > 5 ? '…' : '');
        at(row, 'idNumber', 'roster.issues.duplicateId', { rows: list });
      }
    }

    const facts = new Map<string, HouseholdFacts>();
    const defaults = new Map<string, AppliedDefault>();
    const householdDefault = (column: ColumnKey, value: string) => {
      const absent = !this.present.has(column);
      const key = `${column}|${value}|${absent}`;
      const entry = defaults.get(key);
      if (entry) entry.count += 1;
      else defaults.set(key, { column, value, count: 1, unit: 'households', absent });
    };

    for (const [key, rows] of households) {
      const heads = rows.filter((r) => r.relation === 'HEAD');
      if (heads.length === 0 && rows.every((r) => r.relation)) {
        for (const r of rows) at(r, 'relation', 'roster.issues.noHead');
      }
      if (heads.length > 1) {
        for (const r of heads) at(r, 'relation', 'roster.issues.twoHeads', { count: heads.length });
      }
      for (const r of rows) {
        if (r.relation === 'HEAD' && r.idNumber && r.idNumber !== key)
          at(r, 'headIdNumber', 'roster.issues.headIdMismatch');
        if (r.relation && r.relation !== 'HEAD' && r.idNumber === key)
          at(r, 'relation', 'roster.issues.headRowRelation');
      }
      // The head's row (or the first row) sets the household's village, group and household columns.
      const head = heads[0] ?? rows[0];
      const headFacts = head.household;
      for (const r of rows) {
        if (r === head) continue;
        const differs = (column: ColumnKey, value: string) =>
          at(r, column, 'roster.issues.notAsHead', { value, headRow: where(head) });
        if (r.villageCode && head.villageCode && r.villageCode !== head.villageCode)
          differs('villageCode', head.villageCode);
        if (r.groupName && head.groupName && r.groupName !== head.groupName) differs('groupName', head.groupName);
        const mine = r.household;
        for (const field of Object.keys(mine) as (keyof RowFacts)[]) {
          if (field === 'income') {
            for (const [k, yuan] of Object.entries(mine.income ?? {})) {
              const theirs = headFacts.income?.[k];
              if (theirs !== undefined && theirs !== yuan) {
                const [year, part] = k.split(':');
                at(
                  r,
                  part as IncomePart,
                  'roster.issues.notAsHead',
                  { value: theirs, headRow: where(head) },
                  year === '0' ? undefined : `${year}年`,
                );
              }
            }
            continue;
          }
          const theirs = headFacts[field];
          if (theirs === undefined || sameFact(mine[field], theirs)) continue;
          differs(field as ColumnKey, factLabel(field, theirs));
        }
      }
      facts.set(key, this.householdFacts(head, rows.length, at, householdDefault));
    }
    issues.sort(byRowAndColumn);
    return {
      rows: this.rows,
      households,
      facts,
      issues,
      defaults: [...this.personDefaults.values(), ...defaults.values(), ...this.roundedCells.values()],
      maskedRows: this.masked,
    };
  }

  /**
   * The household's facts from its head's row: derived values (贫困户属性 → allowance, status), the defaults for
   * blank cells (counted), and the checks between them (each a problem of the head's row).
   */
  private householdFacts(
    head: ParsedRow,
    members: number,
    at: (r: ParsedRow, column: ColumnKey | null, key: string, params?: Issue['params'], header?: string) => void,
    householdDefault: (column: ColumnKey, value: string) => void,
  ): HouseholdFacts {
    const given = head.household;
    const problem = (column: ColumnKey, key: string, params?: Issue['params'], header?: string) =>
      at(head, column, key, params, header);

    // 贫困户属性 and 低保类型.
    let allowance = given.allowance;
    const kind = given.povertyKind;
    if (kind === 'GENERAL') {
      if (allowance && allowance !== 'NONE')
        problem('allowance', 'roster.issues.kindAllowance', {
          kind: '一般贫困户',
          allowance: ALLOWANCE_LABELS[allowance],
        });
      allowance = 'NONE';
    } else if (kind === 'DIBAO') {
      if (!allowance) problem('allowance', 'roster.issues.dibaoClass');
      else if (allowance !== 'DIBAO_1' && allowance !== 'DIBAO_2')
        problem('allowance', 'roster.issues.kindAllowance', {
          kind: '低保贫困户',
          allowance: ALLOWANCE_LABELS[allowance],
        });
    } else if (kind === 'WUBAO') {
      if (allowance && allowance !== 'WUBAO')
        problem('allowance', 'roster.issues.kindAllowance', {
          kind: '特困供养贫困户',
          allowance: ALLOWANCE_LABELS[allowance],
        });
      allowance = 'WUBAO';
    }
    if (!allowance) {
      if (!kind) householdDefault('allowance', ALLOWANCE_LABELS.NONE);
      allowance = 'NONE';
    }

    // 户状态: blank is a registered household where 贫困户属性 says so, else not poor (both counted).
    let status = given.status;
    if (!status) {
      status = kind ? 'REGISTERED_POOR' : 'NOT_POOR';
      householdDefault('status', STATUS_LABELS[status] ?? status);
    }
    const identifiedYear = given.identifiedYear ?? null;
    const exitYear = given.exitYear ?? null;
    const statusLabel = STATUS_LABELS[status] ?? status;
    if (exitYear !== null && !EXITED.has(status))
      problem('exitYear', 'roster.issues.exitYearWithoutExit', { year: exitYear, status: statusLabel });
    if (status === 'LIFTED_OUT' && exitYear === null) problem('exitYear', 'roster.issues.exitYearMissing');
    if (identifiedYear === null && IDENTIFIED.has(status))
      problem('identifiedYear', 'roster.issues.identifiedYearMissing', { status: statusLabel });
    if (identifiedYear !== null && status === 'NOT_POOR')
      problem('identifiedYear', 'roster.issues.identifiedNotPoor', { year: identifiedYear });
    if (identifiedYear !== null && exitYear !== null && identifiedYear > exitYear)
      problem('exitYear', 'roster.issues.exitBeforeIdentified', { exit: exitYear, identified: identifiedYear });
    if (kind && status === 'NOT_POOR') problem('povertyKind', 'roster.issues.kindNotPoor');

    // 两不愁三保障: blank is "not verified" (counted), never "met".
    const checklist = {} as Checklist;
    for (const item of CHECK_KEYS) {
      let value = given[item];
      if ((item === 'foodSecure' || item === 'clothingSecure') && given.foodClothingSecure !== undefined) {
        if (value !== undefined && value !== given.foodClothingSecure)
          problem(item, 'roster.issues.notAsColumn', { other: '吃穿不愁', value: yesNo(given.foodClothingSecure) });
        value = given.foodClothingSecure;
      }
      if (value === undefined) householdDefault(item, '未核实');
      checklist[item] = value ?? null;
    }

    // Income per year: the 收入年度 column's year and the years named in the headers.
    const byYear = new Map<number, Partial<Record<IncomePart, number>>>();
    for (const [k, yuan] of Object.entries(given.income ?? {})) {
      const [yearText, part] = k.split(':') as [string, IncomePart];
      let year = Number(yearText);
      if (year === 0) {
        if (given.incomeYear === undefined) {
          problem('incomeYear', 'roster.issues.incomeYearMissing');
          continue;
        }
        year = given.incomeYear;
      }
      const entry = byYear.get(year) ?? {};
      if (entry[part] !== undefined && entry[part] !== yuan)
        problem(part, 'roster.issues.incomeTwice', { year }, `${year}年`);
      entry[part] = yuan;
      byYear.set(year, entry);
    }
    const incomes: IncomeYear[] = [];
    for (const [year, parts] of [...byYear].sort((a, b) => a[0] - b[0])) {
      const components = INCOME_PARTS.filter((p) => parts[p] !== undefined);
      if (components.length === 0) {
        problem('perCapita', 'roster.issues.perCapitaOnly', { year });
        continue;
      }
      const income: IncomeYear = { year, wage: 0, production: 0, property: 0, transfer: 0 };
      for (const part of INCOME_PARTS) {
        if (parts[part] === undefined) householdDefault(part, '0');
        else income[part] = parts[part];
      }
      const perCapita = parts.perCapita;
      if (perCapita !== undefined) {
        const computed = Math.round((income.wage + income.production + income.property + income.transfer) / members);
        if (Math.abs(computed - perCapita) > 1)
          problem('perCapita', 'roster.issues.perCapitaMismatch', { year, given: perCapita, computed, members });
      }
      incomes.push(income);
    }
    if (status === 'LIFTED_OUT' && exitYear !== null && !incomes.some((i) => i.year === exitYear))
      problem('perCapita', 'roster.issues.exitIncomeMissing', { year: exitYear });
    if (!given.povertyCauses) householdDefault('povertyCauses', '（空）');

    return {
      plan: planOf(given, problem, householdDefault),
      allowance,
      povertyCauses: given.povertyCauses ?? [],
      status,
      identifiedYear,
      exitYear,
      incomes,
      ...checklist,
    };
  }
}

/** The income target must be read before measures can make a plan; either without the other is a problem. */
function planOf(
  given: RowFacts,
  problem: (column: ColumnKey, key: string, params?: Issue['params']) => void,
  householdDefault: (column: ColumnKey, value: string) => void,
): PlanFacts | null {
  const measures: Measure[] = [];
  for (const kind of MEASURE_KINDS) {
    const keys = measureColumn(kind);
    const target = given[keys.target];
    const yuan = given[keys.yuan];
    const status = given[keys.status];
    if (!target) {
      if (yuan !== undefined) problem(keys.yuan, 'roster.issues.measureNeedsTarget', { kind: MEASURE_LABELS[kind] });
      else if (status !== undefined)
        problem(keys.status, 'roster.issues.measureNeedsTarget', { kind: MEASURE_LABELS[kind] });
      continue;
    }
    if (status === undefined) householdDefault(keys.status, MEASURE_STATUS_LABELS.PLANNED);
    measures.push({ kind, target, amountYuan: yuan ?? null, status: status ?? 'PLANNED' });
  }
  if (measures.length === 0) {
    if (given.incomeTarget !== undefined) problem('incomeTarget', 'roster.issues.planNeedsMeasure');
    return null;
  }
  if (given.incomeTarget === undefined) {
    problem('incomeTarget', 'roster.issues.planNeedsTarget');
    return null;
  }
  return { incomeTargetYuan: given.incomeTarget, measures };
}

function sameFact(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x) => b.includes(x)) : a === b;
}

function factLabel(field: keyof RowFacts, value: unknown): string {
  if (field === 'allowance') return ALLOWANCE_LABELS[value as AllowanceType];
  if (field === 'povertyCauses') return (value as PovertyCause[]).map((c) => CAUSE_LABELS[c]).join('、') || '（空）';
  if (field === 'status') return STATUS_LABELS[value as string] ?? String(value);
  if (field === 'povertyKind') return POVERTY_KIND_LABELS[value as PovertyKind];
  if (field.startsWith('measureStatus_')) return MEASURE_STATUS_LABELS[value as MeasureStatus];
  if (typeof value === 'boolean') return yesNo(value);
  return String(value);
}

// ───────────────────────── the plan ─────────────────────────

export type RosterCounts = {
  /** Data rows in the file (blank rows not counted). */
  rows: number;
  /** Households in the file (distinct 户主身份证号). */
  households: number;
  /** Rows without a problem of their own. */
  validRows: number;
  /** Rows with at least one problem. */
  errorRows: number;
  /** People already in the registry: skipped. */
  existingRows: number;
  existingHouseholds: number;
  /** Rows without a problem of their own, skipped because another row of the household has one. */
  blockedRows: number;
  /** Households with at least one problem: not imported at all. */
  errorHouseholds: number;
  /** What an import writes (or wrote). */
  newRows: number;
  newHouseholds: number;
};

/** A row of a household an import writes: every cell it needs is there and valid. */
export type PlannedMember = ParsedRow &
  Required<Pick<ParsedRow, 'relation' | 'name' | 'idNumber' | 'sex' | 'birthDate'>>;

export type PlannedHousehold = {
  villageCode: string;
  groupName: string;
  /** Head first, then the others in file order. */
  members: PlannedMember[];
  facts: HouseholdFacts;
};

/** A clean row as a member to write; a clean row lacking a cell is a bug of the checker, never written. */
function plannedMember(row: ParsedRow): PlannedMember {
  const { relation, name, idNumber, sex, birthDate } = row;
  if (!relation || !name || !idNumber || !sex || !birthDate) throw new Error(`Row ${row.row} is clean but incomplete`);
  return Object.assign(row, { relation, name, idNumber, sex, birthDate });
}

export type RosterPlan = { counts: RosterCounts; issues: Issue[]; households: PlannedHousehold[] };

/**
 * What an import writes: every household whose rows are all valid and whose people are all new.
 * A household already registered (all its people) is skipped as such; one that is partly registered
 * is a problem the clerk resolves (new members are added on the household's page, a person
 * registered in another household cannot join this one). Does not change `check`.
 */
export function planImport(check: FileCheck, isRegistered: (row: ParsedRow) => boolean): RosterPlan {
  const issues = [...check.issues];
  const households: PlannedHousehold[] = [];
  let existingRows = 0;
  let existingHouseholds = 0;
  let errorHouseholds = 0;
  let newRows = 0;

  const withIssue = new Set(issues.map(issueAt));
  const registered = new Set<number>();
  const atOf = (r: ParsedRow) => rowAt(r.sheet, r.row);
  for (const row of check.rows)
    if (!withIssue.has(atOf(row)) && row.idNumber && isRegistered(row)) registered.add(atOf(row));

  for (const [key, rows] of check.households) {
    if (rows.every((r) => !withIssue.has(atOf(r)))) {
      const head = rows.find((r) => r.relation === 'HEAD'); // a clean household has exactly one
      if (!head?.villageCode || !head.groupName) throw new Error('A clean household without its head or village');
      const known = rows.filter((r) => registered.has(atOf(r))).length;
      if (known === rows.length) {
        existingHouseholds += 1;
        continue;
      }
      if (known === 0) {
        households.push({
          villageCode: head.villageCode,
          groupName: head.groupName,
          members: [head, ...rows.filter((r) => r !== head)].map(plannedMember),
          facts: factsOf(check, key),
        });
        newRows += rows.length;
        continue;
      }
      // Partly registered: the clerk resolves it.
      const headKnown = registered.has(atOf(head));
      for (const r of rows) {
        if (headKnown && !registered.has(atOf(r)))
          issues.push({ sheet: r.sheet, row: r.row, column: 'headIdNumber', key: 'roster.issues.headRegistered' });
        if (!headKnown && registered.has(atOf(r)))
          issues.push({ sheet: r.sheet, row: r.row, column: 'idNumber', key: 'households.idTaken' });
      }
    }
    errorHouseholds += 1;
  }

  const errorRowSet = new Set(issues.map(issueAt));
  for (const row of check.rows) if (!errorRowSet.has(atOf(row)) && registered.has(atOf(row))) existingRows += 1;
  const errorRows = errorRowSet.size;
  const blockedRows = check.rows.length - errorRows - existingRows - newRows;

  issues.sort(byRowAndColumn);
  return {
    counts: {
      rows: check.rows.length,
      households: check.households.size,
      validRows: check.rows.length - errorRows,
      errorRows,
      existingRows,
      existingHouseholds,
      blockedRows,
      errorHouseholds,
      newRows,
      newHouseholds: households.length,
    },
    issues,
    households,
  };
}

/** The facts finish() worked out for a household (a household of the check always has them). */
function factsOf(check: FileCheck, key: string): HouseholdFacts {
  const facts = check.facts.get(key);
  if (!facts) throw new Error(`No facts for household ${key}`);
  return facts;
}

const COLUMN_ORDER = new Map<ColumnKey | null, number>([
  [null, -1],
  ...READ_COLUMNS.map((c, i) => [c.key, i] as const),
]);
const columnOrder = (column: ColumnKey | null) => COLUMN_ORDER.get(column) ?? 99;
/** Issues in the order the clerk reads the file: by sheet, row, then column. */
const byRowAndColumn = (a: Issue, b: Issue) =>
  a.sheet - b.sheet || a.row - b.row || columnOrder(a.column) - columnOrder(b.column);
