// Roster (花名册) reads: the template, the reading and checking of a file against the registry, and the
// export. The import's writes (and the check's record of duplicates) are in ./commands.ts. Route handlers
// (app/api/roster/*) stay thin: route() signs in and checks the permission; these check it again, the
// area and the file itself, on the server, never trusting anything the browser sends but the file.
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { notFound } from 'next/navigation';
import { writeAuditNow } from '@/lib/audit/data';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { type Db, db, readDb, rows, type Tx } from '@/lib/db';
import { found } from '@/lib/errors';
import { maskIdNumber, maskPhone } from '@/lib/households/identity';
import type { DuplicateHit } from '@/lib/households/rules';
import { CHECKLIST } from '@/lib/households/schema';
import type { Locale } from '@/lib/i18n/locales';
import { translateKey } from '@/lib/i18n/messages';
import { decryptText, lookupHash } from '@/lib/personal-data';
import { isRegionCode, isWithinScope } from '@/lib/regions/rules';
import { scope } from '@/lib/regions/scope';
import { chinaToday, chinaYear } from '@/lib/time';
import {
  ALLOWANCE_LABELS,
  CAUSE_LABELS,
  COLUMN_BY_KEY,
  COLUMNS,
  type ColumnKey,
  HEALTH_LABELS,
  LABOUR_LABELS,
  MEASURE_STATUS_LABELS,
  measureColumn,
  RELATION_LABELS,
  STATUS_LABELS,
  yesNo,
} from './columns';
import {
  type FileCheck,
  MAX_ISSUES_LISTED,
  MAX_ROWS,
  planImport,
  RosterChecker,
  type RosterCounts,
  type RosterPlan,
} from './parse';
import { registeredPeople } from './sql';
import {
  fileKind,
  MAX_FILE_BYTES,
  readRosterFile,
  rosterWriter,
  type SheetOutcome,
  templateWorkbook,
  UnreadableWorkbook,
} from './xlsx';

/** ID numbers per lookup of registered people. */
const LOOKUP_BATCH = 5_000;
/** Households per read when exporting. */
const EXPORT_BATCH = 1_000;

export type RosterPhase = 'read' | 'check' | 'write';
export type RosterProgress = { phase: RosterPhase; done: number; total: number };

/** `sheet`: the sheet's name when the file had more than one sheet read. */
export type RosterIssue = { sheet: string | null; row: number; column: string | null; message: string };

/** A column of the file not read, and why (in the user's language). */
export type RosterSkippedColumn = { sheet: string; column: string; header: string; reason: string };

/** A default applied: to `count` blank cells (people or households), or to everyone when the column is absent. */
export type RosterDefault = {
  column: string;
  value: string;
  count: number;
  unit: 'people' | 'households';
  absent: boolean;
  /** Amounts with jiao and fen in `count` cells, recorded as whole yuan. */
  rounded?: boolean;
};

/** What was read of the file: its sheets (read, hidden, without header), skipped columns, defaults applied. */
export type RosterReading = {
  sheets: SheetOutcome[];
  /** The encoding a .csv file was read in. */
  encoding?: string;
  skippedColumns: RosterSkippedColumn[];
};

export type RosterReport = {
  fileName: string;
  /** SHA-256 of the file checked: the confirmation must send the same file. */
  fileHash: string;
  counts: RosterCounts;
  /** Every sheet of the file with what became of it, the columns not read and the defaults applied. */
  sheets: SheetOutcome[];
  encoding?: string;
  skippedColumns: RosterSkippedColumn[];
  defaults: RosterDefault[];
  /** The first MAX_ISSUES_LISTED problems, in row order, in the user's language. */
  issues: RosterIssue[];
  issueCount: number;
  /** Problems per column header (for the summary above the table). */
  issuesByColumn: Record<string, number>;
  /** True once written (confirm); the counts' newRows/newHouseholds are then what was written. */
  imported: boolean;
};

/** A file the roster cannot take, or an import that failed: the status and message the route answers. */
export type RosterFailure = { ok: false; status: 400 | 409 | 413 | 429 | 500; message: string };
export type RosterResult = { ok: true; report: RosterReport } | RosterFailure;

export const actorOf = (viewer: Viewer) => ({ userId: viewer.userId, username: viewer.username, role: viewer.role });
export const tr = (locale: Locale) => (key: string, params?: Record<string, string | number>) =>
  translateKey(locale, key, params);

// ───────────────────────── template ─────────────────────────

/** The template workbook: header, one example row, the explanation, and the villages of the user's area. */
export async function rosterTemplate(viewer: Viewer) {
  requireCan(viewer, 'household.import');
  const villages = await db.region.findMany({
    where: { level: 'VILLAGE', ...scope.region(viewer) },
    orderBy: { code: 'asc' },
    select: { code: true, name: true, parent: { select: { name: true } } },
  });
  const buffer = await templateWorkbook(
    villages.map((v) => ({ code: v.code, name: v.name, township: v.parent?.name ?? '' })),
    villages[0]?.code ?? '000000000000',
  );
  return { buffer, fileName: '花名册导入模板.xlsx', asciiFileName: 'roster-template.xlsx' };
}

// ───────────────────────── checking a file ─────────────────────────

export type Analysis =
  | { ok: true; check: FileCheck; reading: Omit<RosterReading, 'skippedColumns'> & { skipped: SkippedAt[] } }
  | { ok: false; key: string; params?: Record<string, string | number> };

/** A skipped column with the sheet it is in (the reason a key under roster.skippedReason). */
export type SkippedAt = { sheet: string; index: number; header: string; reason: string };

/** "A", "B", … "AA": a column's letter as the spreadsheet shows it. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const FILE_PROBLEMS = { xls: 'roster.file.xls', ods: 'roster.file.ods', notXlsx: 'roster.file.notXlsx' } as const;

/** Reads the file and makes every check that needs no knowledge of who is registered. */
export async function analyseRoster(
  viewer: Viewer,
  file: Buffer,
  bytes: number,
  onProgress?: (p: RosterProgress) => void,
  fileName = '',
): Promise<Analysis> {
  requireCan(viewer, 'household.import');
  if (Math.max(bytes, file.length) > MAX_FILE_BYTES)
    return { ok: false, key: 'roster.file.tooLarge', params: { max: MAX_FILE_BYTES / 1024 / 1024 } };
  if (file.length === 0) return { ok: false, key: 'roster.file.empty' };
  const kind = fileKind(file, fileName);
  if (kind !== 'xlsx' && kind !== 'csv') return { ok: false, key: FILE_PROBLEMS[kind] };

  const villages = await db.region.findMany({
    where: { level: 'VILLAGE', ...scope.region(viewer) },
    select: { code: true },
  });
  const checker = new RosterChecker({
    scopeCode: viewer.scopeCode,
    villages: new Set(villages.map((v) => v.code)),
    year: chinaYear(),
  });
  let refusal: { key: string; params: Record<string, string> } | null = null;
  let tooMany = false;
  const skipped: SkippedAt[] = [];
  let read: Awaited<ReturnType<typeof readRosterFile>>;
  try {
    read = await readRosterFile(
      file,
      {
        onSheet: ({ name, header }) => {
          const missing = checker.setHeader(header);
          if (missing.length) {
            refusal = {
              key: 'roster.file.missingColumns',
              params: { sheet: name, columns: missing.map((k) => COLUMN_BY_KEY[k].header).join('、') },
            };
            return false;
          }
          const plainIncome = PLAIN_INCOME_COLUMNS.filter((k) => header.columns[k] !== undefined);
          if (plainIncome.length && header.columns.incomeYear === undefined) {
            refusal = {
              key: 'roster.file.incomeYear',
              params: { sheet: name, columns: plainIncome.map((k) => header.headers[k] ?? k).join('、') },
            };
            return false;
          }
          for (const column of header.skipped) skipped.push({ sheet: name, ...column });
          return true;
        },
        onRow: (row, cells) => {
          if (checker.addRow(row, cells)) return true;
          tooMany = true;
          return false;
        },
        onProgress: (done, total) => onProgress?.({ phase: 'read', done, total }),
      },
      { kind, fileName },
    );
  } catch (error) {
    if (error instanceof UnreadableWorkbook) return { ok: false, key: 'roster.file.unreadable' };
    throw error;
  }
  if (read.result === 'noRosterSheet') {
    const hidden = read.sheets.filter((s) => s.status === 'hidden').map((s) => s.name);
    return hidden.length
      ? { ok: false, key: 'roster.file.onlyHidden', params: { sheets: hidden.join('、') } }
      : { ok: false, key: 'roster.file.noHeader' };
  }
  if (refusal) return refusal;
  if (tooMany) return { ok: false, key: 'roster.file.tooManyRows', params: { max: MAX_ROWS } };
  if (checker.rowCount === 0) return { ok: false, key: 'roster.file.noRows' };
  // An export without the right to see full ID numbers: it cannot register anyone.
  if (checker.maskedRows > 0 && checker.maskedRows * 2 >= checker.rowCount)
    return { ok: false, key: 'roster.file.masked', params: { rows: checker.maskedRows } };
  return {
    ok: true,
    check: checker.finish(),
    reading: { sheets: read.sheets, skipped, ...(read.encoding ? { encoding: read.encoding } : {}) },
  };
}

const PLAIN_INCOME_COLUMNS: readonly ColumnKey[] = ['wage', 'production', 'property', 'transfer', 'perCapita'];

/**
 * Which people of the file are registered already (in any area: a person is registered once), by the
 * keyed hash of their ID numbers, looked up LOOKUP_BATCH at a time. Computes the hashes on the way.
 * `hits`: the rows registered outside the viewer's area whose answer the report depends on (rows
 * without a problem of their own), for recordDuplicateHits: the report says only "registered",
 * whatever the area. `client`: the import's transaction, so the plan holds under its lock.
 */
export async function planAgainstRegistry(
  client: Db | Tx,
  viewer: Viewer,
  check: FileCheck,
  onProgress?: (p: RosterProgress) => void,
): Promise<{ plan: RosterPlan; hits: DuplicateHit[] }> {
  const people = check.rows.flatMap((row) => (row.idNumber ? [{ row, idNumber: row.idNumber }] : []));
  const hashOf = (person: (typeof people)[number]) => (person.row.hash ??= lookupHash(person.idNumber));
  const registered = new Map<string, { id: number; region: string }>();
  onProgress?.({ phase: 'check', done: 0, total: people.length });
  for (let i = 0; i < people.length; i += LOOKUP_BATCH) {
    const batch = people.slice(i, i + LOOKUP_BATCH).map(hashOf);
    for (const row of await rows(client, registeredPeople(batch))) registered.set(row.h, row);
    onProgress?.({ phase: 'check', done: Math.min(i + LOOKUP_BATCH, people.length), total: people.length });
  }
  const withIssue = new Set(check.issues.map((issue) => issue.row));
  const hits = people.flatMap((person) => {
    const { row, idNumber } = person;
    const other = registered.get(hashOf(person));
    if (!other || withIssue.has(row.row) || isWithinScope(other.region, viewer.scopeCode)) return [];
    return [
      {
        idNumber,
        personId: other.id,
        existingRegionCode: other.region,
        areaCode: row.villageCode ?? viewer.scopeCode,
      },
    ];
  });
  return { plan: planImport(check, (row) => row.hash !== undefined && registered.has(row.hash)), hits };
}

/** The report of a plan, in the user's language. */
export function reportOf(
  plan: RosterPlan,
  file: { name: string; hash: string },
  locale: Locale,
  imported: boolean,
  analysis: { check: FileCheck; reading: Extract<Analysis, { ok: true }>['reading'] },
): RosterReport {
  const t = tr(locale);
  const { reading, check } = analysis;
  const issuesByColumn: Record<string, number> = {};
  const columnName = (issue: (typeof plan.issues)[number]) =>
    issue.column ? (issue.header ?? COLUMN_BY_KEY[issue.column].header) : null;
  for (const issue of plan.issues) {
    const header = issue.column ? COLUMN_BY_KEY[issue.column].header : '';
    issuesByColumn[header] = (issuesByColumn[header] ?? 0) + 1;
  }
  const read = reading.sheets.filter((s) => s.status === 'read').map((s) => s.name);
  return {
    fileName: file.name,
    fileHash: file.hash,
    counts: plan.counts,
    sheets: reading.sheets,
    ...(reading.encoding ? { encoding: reading.encoding } : {}),
    skippedColumns: reading.skipped.map((c) => ({
      sheet: c.sheet,
      column: columnLetter(c.index),
      header: c.header,
      reason: t(`roster.skippedReason.${c.reason}`),
    })),
    defaults: check.defaults
      .map((d) => ({
        column: COLUMN_BY_KEY[d.column].header,
        value: d.value,
        count: d.count,
        unit: d.unit,
        absent: d.absent,
        ...(d.rounded ? { rounded: true } : {}),
      }))
      .sort((a, b) => Number(b.absent) - Number(a.absent) || b.count - a.count),
    issues: plan.issues.slice(0, MAX_ISSUES_LISTED).map((issue) => ({
      sheet: read.length > 1 ? (read[issue.sheet] ?? null) : null,
      row: issue.row,
      column: columnName(issue),
      message: t(issue.key, issue.params),
    })),
    issueCount: plan.issues.length,
    issuesByColumn,
    imported,
  };
}

// ───────────────────────── export ─────────────────────────

/** Each column's place in a row. */
const AT = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])) as Record<ColumnKey, number>;

/** Resolves when the stream wants more (or has closed: the download was cancelled). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

export type RosterExport = {
  fileName: string;
  asciiFileName: string;
  area: string;
  write(out: Writable, signal?: AbortSignal): Promise<{ rows: number }>;
};

/**
 * Prepares the export of an area's roster (the viewer's area, or a smaller one inside it): one row
 * per person in the template's columns, so that a full export can be imported elsewhere. ID and
 * phone numbers masked without 'personal.reveal', health and labour left out without 'health.view'.
 * `write` streams the workbook, reading households in batches by id (keyset), and audits the export
 * with its row count when the file is complete (or how far it got, if it was not).
 */
export async function prepareRosterExport(
  viewer: Viewer,
  areaParam: string | null,
  options: { requestId?: string } = {},
): Promise<RosterExport> {
  requireCan(viewer, 'household.export');
  const requestId = options.requestId ?? randomUUID().slice(0, 8);
  const action = 'roster.export';
  const area = areaParam || viewer.scopeCode;
  // Outside the area is "not found", as everywhere: codes cannot be probed (the route audits the refusal).
  if (!isRegionCode(area) || !isWithinScope(area, viewer.scopeCode)) notFound();
  const region = found(await db.region.findUnique({ where: { code: area }, select: { code: true, name: true } }));
  const fullIds = can(viewer.role, 'personal.reveal');
  const health = can(viewer.role, 'health.view');
  const date = chinaToday();
  const planYear = chinaYear();
  const reader = await readDb(); // chosen in the request: the writer's own recent changes are on the primary
  return {
    area: region.code,
    fileName: `花名册-${region.name}-${date}.xlsx`,
    asciiFileName: `roster-${region.code}-${date}.xlsx`,
    async write(out, signal) {
      let rows = 0;
      let households = 0;
      try {
        const writer = rosterWriter(out);
        let lastId = 0;
        for (;;) {
          if (signal?.aborted) throw new Error('aborted by the client');
          const batch = await reader.household.findMany({
            where: { ...scope.household(viewer, region.code), id: { gt: lastId } },
            orderBy: { id: 'asc' },
            take: EXPORT_BATCH,
            select: {
              id: true,
              regionCode: true,
              groupName: true,
              allowance: true,
              povertyCauses: true,
              status: true,
              identifiedYear: true,
              exitYear: true,
              incomes: { orderBy: { year: 'desc' }, take: 1 },
              helpPlans: {
                where: { year: planYear },
                select: {
                  incomeTargetYuan: true,
                  measures: { select: { kind: true, target: true, amountYuan: true, status: true } },
                },
              },
              phoneEnc: true,
              foodSecure: true,
              clothingSecure: true,
              educationSecure: true,
              medicalSecure: true,
              housingSecure: true,
              waterSecure: true,
              members: {
                orderBy: [{ isHead: 'desc' }, { id: 'asc' }],
                select: {
                  name: true,
                  relation: true,
                  isHead: true,
                  idNumberEnc: true,
                  phoneEnc: true,
                  health: true,
                  labour: true,
                  inSchool: true,
                },
              },
            },
          });
          if (batch.length === 0) break;
          for (const household of batch) {
            const head = household.members.find((m) => m.isHead);
            const headId = head ? decryptText(head.idNumberEnc) : '';
            // The household's cells once, in column order; each member's row fills in the person's cells.
            const facts = COLUMNS.map(() => '');
            facts[AT.villageCode] = household.regionCode;
            facts[AT.groupName] = household.groupName;
            facts[AT.headIdNumber] = headId && !fullIds ? maskIdNumber(headId) : headId;
            facts[AT.allowance] = ALLOWANCE_LABELS[household.allowance];
            facts[AT.povertyCauses] = household.povertyCauses.map((c) => CAUSE_LABELS[c]).join('、');
            // Status, years and the latest year's income, so that the file imports again as it was.
            facts[AT.status] = STATUS_LABELS[household.status] ?? household.status;
            facts[AT.identifiedYear] = household.identifiedYear ? String(household.identifiedYear) : '';
            facts[AT.exitYear] = household.exitYear ? String(household.exitYear) : '';
            const income = household.incomes[0];
            if (income) {
              facts[AT.incomeYear] = String(income.year);
              facts[AT.wage] = String(income.wageYuan);
              facts[AT.production] = String(income.productionYuan);
              facts[AT.property] = String(income.propertyYuan);
              facts[AT.transfer] = String(income.transferYuan);
            }
            for (const k of CHECKLIST) facts[AT[k]] = household[k] === null ? '' : yesNo(household[k]);
            // This year's help plan, so that the file imports again with it.
            const plan = household.helpPlans[0];
            if (plan) {
              facts[AT.incomeTarget] = String(plan.incomeTargetYuan);
              for (const measure of plan.measures) {
                const keys = measureColumn(measure.kind);
                facts[AT[keys.target]] = measure.target;
                facts[AT[keys.yuan]] = measure.amountYuan === null ? '' : String(measure.amountYuan);
                facts[AT[keys.status]] = MEASURE_STATUS_LABELS[measure.status];
              }
            }
            for (const member of household.members) {
              const id = member.isHead ? headId : decryptText(member.idNumberEnc);
              const phoneEnc = member.phoneEnc ?? (member.isHead ? household.phoneEnc : null);
              const phone = phoneEnc ? decryptText(phoneEnc) : '';
              const cells = facts.slice();
              cells[AT.relation] = RELATION_LABELS[member.relation];
              cells[AT.name] = member.name;
              cells[AT.idNumber] = fullIds ? id : maskIdNumber(id);
              cells[AT.phone] = phone && !fullIds ? maskPhone(phone) : phone;
              cells[AT.health] = health ? HEALTH_LABELS[member.health] : '';
              cells[AT.labour] = health ? LABOUR_LABELS[member.labour] : '';
              cells[AT.inSchool] = yesNo(member.inSchool);
              writer.addRow(cells);
              rows += 1;
            }
            households += 1;
          }
          lastId = batch[batch.length - 1].id;
          // Backpressure: a slow download holds the reading of the next batch, not memory.
          if (out.writableNeedDrain) await drained(out);
        }
        await writer.finish([
          ['导出范围', `${region.name}（${region.code}）`],
          ['导出时间', `${date}`],
          ['导出人', viewer.displayName],
          ['户数', String(households)],
          ['人数', String(rows)],
          [
            '身份证号',
            fullIds
              ? '完整号码，请按个人信息保护要求保管'
              : '已隐去中间位（只显示前 4 位和后 4 位）；此文件不能用于导入',
          ],
          ['联系电话', fullIds ? '完整号码' : '已隐去中间 4 位'],
          ['健康状况、劳动能力', health ? '已导出' : '您的角色无权查看，未导出'],
        ]);
        await writeAuditNow(actorOf(viewer), {
          action,
          result: 'OK',
          entity: 'Roster',
          regionCode: region.code,
          changes: { area: region.code, rows, households, fullIds, healthIncluded: health },
          requestId,
        });
        return { rows };
      } catch (error) {
        await writeAuditNow(actorOf(viewer), {
          action,
          result: 'ERROR',
          entity: 'Roster',
          regionCode: region.code,
          changes: { area: region.code, rows, households },
          requestId,
          message: String((error as Error)?.message ?? error),
        }).catch(() => {});
        throw error;
      }
    },
  };
}
