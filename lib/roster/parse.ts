// Checking a roster (花名册) row by row and household by household, and planning what an import
// writes. Pure: the spreadsheet is read elsewhere (xlsx.ts) and fed in row by row; the database's
// part (which villages exist, which ID numbers are registered) comes in as a set and a function.
// Messages are keys into messages/*.json, turned into the user's language by the data layer.
import type { AllowanceType, HealthStatus, LabourAbility, PovertyCause, Relation, Sex } from '@/lib/enums';
import type { CHECKLIST } from '@/lib/households/schema';
import { isWithinScope } from '@/lib/regions/rules';
import { checkIdNumber, isPhoneNumber, normaliseIdNumber, normalisePhone } from '@/lib/validation';
import {
  ALLOWANCE_LABELS,
  allowanceOf,
  allowedValues,
  CAUSE_LABELS,
  COLUMNS,
  type ColumnKey,
  causeOf,
  columnForHeader,
  EXAMPLE_ID,
  HOUSEHOLD_COLUMNS,
  healthOf,
  labourOf,
  NO,
  relationOf,
  splitList,
  YES,
  yesNo,
  yesNoOf,
} from './columns';

/** The most data rows one file may hold (a large county has about 150,000 registered people). */
export const MAX_ROWS = 200_000;
/** The most problems the report lists one by one; the counts always cover all of them. */
export const MAX_ISSUES_LISTED = 1_000;

export type Issue = { row: number; column: ColumnKey | null; key: string; params?: Record<string, string | number> };

type Checklist = Record<(typeof CHECKLIST)[number], boolean>;
export type HouseholdFacts = { allowance: AllowanceType; povertyCauses: PovertyCause[] } & Checklist;

export type ParsedRow = {
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
  household: Partial<HouseholdFacts>;
  /** Set by the data layer: the keyed hash of the ID number. */
  hash?: string;
};

export const DEFAULT_HOUSEHOLD: HouseholdFacts = {
  allowance: 'NONE',
  povertyCauses: [],
  foodSecure: true,
  clothingSecure: true,
  educationSecure: true,
  medicalSecure: true,
  housingSecure: true,
  waterSecure: true,
};

// ───────────────────────── cells ─────────────────────────

/** The text of an exceljs cell value: strings, numbers, rich text, formulas (their result), hyperlinks. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? YES : NO;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(cell.richText))
      return cell.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('result' in cell) return cellText(cell.result);
    if ('text' in cell) return cellText(cell.text);
    if ('error' in cell) return '';
  }
  return String(value).trim();
}

/** Excel turned an 18-digit number into a float: the last digits are gone and cannot be recovered. */
function lostDigits(value: unknown): boolean {
  const result =
    value && typeof value === 'object' && 'result' in value ? (value as { result: unknown }).result : value;
  return typeof result === 'number' && (result > Number.MAX_SAFE_INTEGER || !Number.isInteger(result));
}

// ───────────────────────── header ─────────────────────────

export type Header = { columns: Partial<Record<ColumnKey, number>>; missing: ColumnKey[] };

/** Maps columns by their header text, wherever they are; `cells` is indexed like exceljs `row.values` (1-based). */
export function readHeader(cells: readonly unknown[]): Header {
  const columns: Partial<Record<ColumnKey, number>> = {};
  cells.forEach((cell, index) => {
    const key = columnForHeader(cellText(cell));
    if (key && columns[key] === undefined) columns[key] = index;
  });
  const missing = COLUMNS.filter((c) => c.required && columns[c.key] === undefined).map((c) => c.key);
  return { columns, missing };
}

/** True when the row has most of the roster's required headers: used to find the roster sheet. */
export function looksLikeHeader(cells: readonly unknown[]): boolean {
  return readHeader(cells).missing.length <= 2;
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
};

export type FileCheck = {
  rows: ParsedRow[];
  /** Household key → its rows, in file order; households in order of their first row. */
  households: Map<string, ParsedRow[]>;
  issues: Issue[];
};

/**
 * Feed it the header, then every data row; `finish()` adds the checks across rows (one head per
 * household, IDs unique in the file, the household's columns agree). Rows are checked as they
 * arrive, so a file of 100,000 rows is never held as raw cells.
 */
export class RosterChecker {
  private header: Header | null = null;
  private readonly rows: ParsedRow[] = [];
  private readonly issues: Issue[] = [];
  private readonly today: Date;

  constructor(private readonly context: CheckContext) {
    this.today = context.today ?? new Date();
  }

  /** Reads the header row; returns the required columns it lacks. */
  setHeader(cells: readonly unknown[]): ColumnKey[] {
    this.header = readHeader(cells);
    return this.header.missing;
  }

  get rowCount() {
    return this.rows.length;
  }

  /** Checks one data row (spreadsheet row number `row`); blank rows are skipped. Returns false past MAX_ROWS. */
  addRow(row: number, cells: readonly unknown[]): boolean {
    if (!this.header) throw new Error('setHeader first');
    const { columns } = this.header;
    // Each cell's text once: this runs 100,000 times for a county.
    const text = {} as Record<ColumnKey, string>;
    let blank = true;
    for (const column of COLUMNS) {
      const index = columns[column.key];
      const value = index === undefined ? '' : cellText(cells[index]);
      text[column.key] = value;
      if (value) blank = false;
    }
    if (blank) return true;
    if (this.rows.length >= MAX_ROWS) return false;
    const raw = (key: ColumnKey) => {
      const index = columns[key];
      return index === undefined ? undefined : cells[index];
    };
    const issue = (column: ColumnKey | null, key: string, params?: Issue['params']) =>
      this.issue(row, column, key, params);
    const required = (key: ColumnKey) => {
      if (!text[key]) issue(key, 'errors.required');
      return text[key] || undefined;
    };
    const choice = <T>(key: ColumnKey, parse: (label: string) => T | undefined, fallback: T): T => {
      const value = text[key];
      if (!value) return fallback;
      const parsed = parse(value);
      if (parsed === undefined) issue(key, 'roster.issues.unknownValue', { value, allowed: allowedValues(key) });
      return parsed ?? fallback;
    };

    const parsed: ParsedRow = {
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

    // 村民小组, 姓名
    const group = required('groupName');
    if (group && group.length > 20) issue('groupName', 'errors.tooLong', { max: 20 });
    else parsed.groupName = group;
    const name = required('name');
    if (name && name.length > 40) issue('name', 'errors.tooLong', { max: 40 });
    else parsed.name = name;

    // 户主身份证号: groups the rows; checked like any ID number.
    if (lostDigits(raw('headIdNumber'))) issue('headIdNumber', 'roster.issues.idAsNumber');
    else {
      const headId = required('headIdNumber');
      if (headId) {
        parsed.householdKey = normaliseIdNumber(headId);
        const check = checkIdNumber(headId, this.today);
        if (!check.ok) issue('headIdNumber', ID_REASONS[check.reason]);
      }
    }

    // 身份证号
    if (lostDigits(raw('idNumber'))) issue('idNumber', 'roster.issues.idAsNumber');
    else {
      const id = required('idNumber');
      if (id) {
        const check = checkIdNumber(id, this.today);
        if (!check.ok) issue('idNumber', ID_REASONS[check.reason]);
        else if (check.idNumber === EXAMPLE_ID) issue('idNumber', 'roster.issues.exampleRow');
        else Object.assign(parsed, { idNumber: check.idNumber, sex: check.sex, birthDate: check.birthDate });
      }
    }

    // 与户主关系
    const relation = text.relation;
    if (!relation) issue('relation', 'errors.required');
    else {
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

    parsed.health = choice('health', healthOf, 'HEALTHY' as HealthStatus);
    parsed.labour = choice('labour', labourOf, 'NORMAL' as LabourAbility);
    parsed.inSchool = choice('inSchool', yesNoOf, false);

    // Household columns: kept only where filled, so that other members' rows may leave them blank.
    for (const key of HOUSEHOLD_COLUMNS) {
      const value = text[key];
      if (!value) continue;
      if (key === 'allowance') {
        const allowance = allowanceOf(value);
        if (allowance) parsed.household.allowance = allowance;
        else issue(key, 'roster.issues.unknownValue', { value, allowed: allowedValues(key) });
      } else if (key === 'povertyCauses') {
        const causes: PovertyCause[] = [];
        const unknown: string[] = [];
        for (const label of splitList(value)) {
          const cause = causeOf(label);
          if (!cause) unknown.push(label);
          else if (!causes.includes(cause)) causes.push(cause);
        }
        if (unknown.length)
          issue(key, 'roster.issues.unknownValue', { value: unknown.join('、'), allowed: allowedValues(key) });
        else parsed.household.povertyCauses = causes;
      } else {
        const flag = yesNoOf(value);
        if (flag === undefined) issue(key, 'roster.issues.unknownValue', { value, allowed: allowedValues(key) });
        else parsed.household[key as (typeof CHECKLIST)[number]] = flag;
      }
    }

    this.rows.push(parsed);
    return true;
  }

  private issue(row: number, column: ColumnKey | null, key: string, params?: Issue['params']) {
    this.issues.push(params ? { row, column, key, params } : { row, column, key });
  }

  /** The checks across rows. Call once, after the last row. */
  finish(): FileCheck {
    const issues = this.issues;
    const households = new Map<string, ParsedRow[]>();
    const byId = new Map<string, number[]>();
    for (const row of this.rows) {
      if (row.householdKey) {
        const list = households.get(row.householdKey);
        if (list) list.push(row);
        else households.set(row.householdKey, [row]);
      }
      if (row.idNumber) {
        const seen = byId.get(row.idNumber);
        if (seen) seen.push(row.row);
        else byId.set(row.idNumber, [row.row]);
      }
    }

    // The same person twice: every occurrence is marked, naming the others (which one is right is the clerk's call).
    for (const rows of byId.values()) {
      if (rows.length < 2) continue;
      for (const row of rows) {
        const others = rows.filter((r) => r !== row);
        const list = others.slice(0, 5).join('、') + (others.length > 5 ? '…' : '');
        issues.push({ row, column: 'idNumber', key: 'roster.issues.duplicateId', params: { rows: list } });
      }
    }

    for (const [key, rows] of households) {
      const heads = rows.filter((r) => r.relation === 'HEAD');
      if (heads.length === 0 && rows.every((r) => r.relation)) {
        for (const r of rows) issues.push({ row: r.row, column: 'relation', key: 'roster.issues.noHead' });
      }
      if (heads.length > 1) {
        for (const r of heads)
          issues.push({
            row: r.row,
            column: 'relation',
            key: 'roster.issues.twoHeads',
            params: { count: heads.length },
          });
      }
      for (const r of rows) {
        if (r.relation === 'HEAD' && r.idNumber && r.idNumber !== key)
          issues.push({ row: r.row, column: 'headIdNumber', key: 'roster.issues.headIdMismatch' });
        if (r.relation && r.relation !== 'HEAD' && r.idNumber === key)
          issues.push({ row: r.row, column: 'relation', key: 'roster.issues.headRowRelation' });
      }
      // The head's row (or the first row) sets the household's village, group and household columns.
      const head = heads[0] ?? rows[0];
      const facts = householdFacts(head);
      for (const r of rows) {
        if (r === head) continue;
        if (r.villageCode && head.villageCode && r.villageCode !== head.villageCode)
          issues.push({
            row: r.row,
            column: 'villageCode',
            key: 'roster.issues.notAsHead',
            params: { value: head.villageCode, headRow: head.row },
          });
        if (r.groupName && head.groupName && r.groupName !== head.groupName)
          issues.push({
            row: r.row,
            column: 'groupName',
            key: 'roster.issues.notAsHead',
            params: { value: head.groupName, headRow: head.row },
          });
        for (const column of HOUSEHOLD_COLUMNS) {
          const field = column as keyof HouseholdFacts;
          const mine = r.household[field];
          if (mine === undefined || sameFact(mine, facts[field])) continue;
          issues.push({
            row: r.row,
            column,
            key: 'roster.issues.notAsHead',
            params: { value: factLabel(field, facts[field]), headRow: head.row },
          });
        }
      }
    }
    issues.sort(byRowAndColumn);
    return { rows: this.rows, households, issues };
  }
}

/** The household's facts from its head's row, with the defaults for blank cells. */
export function householdFacts(head: ParsedRow): HouseholdFacts {
  return { ...DEFAULT_HOUSEHOLD, ...head.household };
}

function sameFact(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x) => b.includes(x)) : a === b;
}

function factLabel(field: keyof HouseholdFacts, value: HouseholdFacts[keyof HouseholdFacts]): string {
  if (field === 'allowance') return ALLOWANCE_LABELS[value as AllowanceType];
  if (field === 'povertyCauses') return (value as PovertyCause[]).map((c) => CAUSE_LABELS[c]).join('、') || '（空）';
  return yesNo(value as boolean);
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

  const withIssue = new Set(issues.map((i) => i.row));
  const registered = new Set<number>();
  for (const row of check.rows)
    if (!withIssue.has(row.row) && row.idNumber && isRegistered(row)) registered.add(row.row);

  for (const rows of check.households.values()) {
    if (rows.every((r) => !withIssue.has(r.row))) {
      const head = rows.find((r) => r.relation === 'HEAD'); // a clean household has exactly one
      if (!head?.villageCode || !head.groupName) throw new Error('A clean household without its head or village');
      const known = rows.filter((r) => registered.has(r.row)).length;
      if (known === rows.length) {
        existingHouseholds += 1;
        continue;
      }
      if (known === 0) {
        households.push({
          villageCode: head.villageCode,
          groupName: head.groupName,
          members: [head, ...rows.filter((r) => r !== head)].map(plannedMember),
          facts: householdFacts(head),
        });
        newRows += rows.length;
        continue;
      }
      // Partly registered: the clerk resolves it.
      const headKnown = registered.has(head.row);
      for (const r of rows) {
        if (headKnown && !registered.has(r.row))
          issues.push({ row: r.row, column: 'headIdNumber', key: 'roster.issues.headRegistered' });
        if (!headKnown && registered.has(r.row))
          issues.push({ row: r.row, column: 'idNumber', key: 'households.idTaken' });
      }
    }
    errorHouseholds += 1;
  }

  const errorRowSet = new Set(issues.map((i) => i.row));
  for (const row of check.rows) if (!errorRowSet.has(row.row) && registered.has(row.row)) existingRows += 1;
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

const COLUMN_ORDER = new Map<ColumnKey | null, number>([[null, -1], ...COLUMNS.map((c, i) => [c.key, i] as const)]);
const columnOrder = (column: ColumnKey | null) => COLUMN_ORDER.get(column) ?? 99;
/** Issues in the order the clerk reads the sheet: by row, then by column. */
const byRowAndColumn = (a: Issue, b: Issue) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column);
