// Roster (花名册) import and export. Route handlers stay thin: they pass the signed-in viewer, the
// file and a progress callback here, and every check — permission, area, the file itself — is made
// here, on the server, never trusting anything the browser sends but the file.
//
// Import is two requests with the same file: "check" reads and checks it and writes nothing;
// "confirm" sends the file again with the SHA-256 the check reported, reads and checks it again
// (against the registry as it is at that moment, under a lock) and writes every valid household in
// one transaction, in bulk. No state is kept between the two, so nothing is lost on a restart or
// left behind when the clerk walks away, and what is written is what was just checked.
import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { writeAudit, writeAuditNow } from '@/lib/audit/data';
import type { Viewer } from '@/lib/auth/data';
import { can, type Permission } from '@/lib/auth/permissions';
import { db, type Tx } from '@/lib/db';
import { type DuplicateHit, recordDuplicateHits } from '@/lib/households/data';
import { maskIdNumber, maskPhone, pinyinInitials } from '@/lib/households/identity';
import { DUPLICATE_HITS_PER_DAY } from '@/lib/households/rules';
import { CHECKLIST } from '@/lib/households/schema';
import type { Locale } from '@/lib/i18n/locales';
import { translateKey } from '@/lib/i18n/messages';
import { decryptText, encryptText, lookupHash } from '@/lib/personal-data';
import { isRegionCode } from '@/lib/regions/rules';
import {
  ALLOWANCE_LABELS,
  CAUSE_LABELS,
  COLUMN_BY_KEY,
  COLUMNS,
  type ColumnKey,
  HEALTH_LABELS,
  LABOUR_LABELS,
  RELATION_LABELS,
  yesNo,
} from './columns';
import {
  type FileCheck,
  MAX_ISSUES_LISTED,
  MAX_ROWS,
  type PlannedHousehold,
  planImport,
  RosterChecker,
  type RosterCounts,
  type RosterPlan,
} from './parse';
import {
  fileProblem,
  MAX_FILE_BYTES,
  readRosterWorkbook,
  rosterWriter,
  templateWorkbook,
  UnreadableWorkbook,
} from './xlsx';

/** Rows per INSERT and per lookup of registered ID numbers. */
const BATCH = 5_000;
/** Households per read when exporting. */
const EXPORT_BATCH = 1_000;

export type RosterPhase = 'read' | 'check' | 'write';
export type RosterProgress = { phase: RosterPhase; done: number; total: number };

export type RosterIssue = { row: number; column: string | null; message: string };

export type RosterReport = {
  fileName: string;
  /** SHA-256 of the file checked: the confirmation must send the same file. */
  fileHash: string;
  counts: RosterCounts;
  /** The first MAX_ISSUES_LISTED problems, in row order, in the user's language. */
  issues: RosterIssue[];
  issueCount: number;
  /** Problems per column header (for the summary above the table). */
  issuesByColumn: Record<string, number>;
  /** True once written (confirm); the counts' newRows/newHouseholds are then what was written. */
  imported: boolean;
};

export type RosterFailure = { ok: false; status: 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500; message: string };
export type RosterResult = { ok: true; report: RosterReport } | RosterFailure;

type RunOptions = { locale: Locale; requestId?: string; onProgress?: (progress: RosterProgress) => void };
/** `bytes`: the size the upload declared, when it was too large to read at all. */
type ImportInput = RunOptions & { file: Buffer; fileName: string; bytes?: number };

const actorOf = (viewer: Viewer) => ({ userId: viewer.userId, username: viewer.username, role: viewer.role });
const tr = (locale: Locale) => (key: string, params?: Record<string, string | number>) =>
  translateKey(locale, key, params);

/** Signed in, holds the permission, not waiting on a forced password change; refusals are audited. */
async function refusal(
  viewer: Viewer | null,
  permission: Permission,
  action: string,
  locale: Locale,
  requestId: string,
): Promise<RosterFailure | null> {
  const t = tr(locale);
  if (!viewer) return { ok: false, status: 401, message: t('errors.signedOut') };
  if (!can(viewer.role, permission) || viewer.mustChangePassword) {
    await writeAuditNow(actorOf(viewer), {
      action,
      result: 'REFUSED',
      regionCode: viewer.scopeCode,
      message: 'permission',
      requestId,
    });
    return { ok: false, status: 403, message: t('errors.forbidden') };
  }
  return null;
}

// ───────────────────────── template ─────────────────────────

/** The template workbook: header, one example row, the explanation, and the villages of the user's area. */
export async function rosterTemplate(viewer: Viewer | null, options: { locale: Locale; requestId?: string }) {
  const requestId = options.requestId ?? randomUUID().slice(0, 8);
  const refused = await refusal(viewer, 'household.import', 'roster.template', options.locale, requestId);
  if (refused) return refused;
  const villages = await db.region.findMany({
    where: { level: 'VILLAGE', code: { startsWith: viewer!.scopeCode } },
    orderBy: { code: 'asc' },
    select: { code: true, name: true, parent: { select: { name: true } } },
  });
  const buffer = await templateWorkbook(
    villages.map((v) => ({ code: v.code, name: v.name, township: v.parent?.name ?? '' })),
    villages[0]?.code ?? '000000000000',
  );
  return { ok: true as const, buffer, fileName: '花名册导入模板.xlsx', asciiFileName: 'roster-template.xlsx' };
}

// ───────────────────────── import ─────────────────────────

type Analysis = { ok: true; check: FileCheck } | { ok: false; key: string; params?: Record<string, string | number> };

/** Reads the file and makes every check that needs no knowledge of who is registered. */
async function analyse(
  viewer: Viewer,
  file: Buffer,
  bytes: number,
  onProgress?: (p: RosterProgress) => void,
): Promise<Analysis> {
  if (Math.max(bytes, file.length) > MAX_FILE_BYTES)
    return { ok: false, key: 'roster.file.tooLarge', params: { max: MAX_FILE_BYTES / 1024 / 1024 } };
  if (file.length === 0) return { ok: false, key: 'roster.file.empty' };
  const problem = fileProblem(file);
  if (problem) return { ok: false, key: problem === 'xls' ? 'roster.file.xls' : 'roster.file.notXlsx' };

  const villages = await db.region.findMany({
    where: { level: 'VILLAGE', code: { startsWith: viewer.scopeCode } },
    select: { code: true },
  });
  const checker = new RosterChecker({ scopeCode: viewer.scopeCode, villages: new Set(villages.map((v) => v.code)) });
  let missing: ColumnKey[] = [];
  let tooMany = false;
  let result: Awaited<ReturnType<typeof readRosterWorkbook>>;
  try {
    result = await readRosterWorkbook(file, {
      onHeader: (cells) => (missing = checker.setHeader(cells)).length === 0,
      onRow: (row, cells) => {
        if (checker.addRow(row, cells)) return true;
        tooMany = true;
        return false;
      },
      onProgress: (done, total) => onProgress?.({ phase: 'read', done, total }),
    });
  } catch (error) {
    if (error instanceof UnreadableWorkbook) return { ok: false, key: 'roster.file.unreadable' };
    throw error;
  }
  if (result === 'noRosterSheet') return { ok: false, key: 'roster.file.noHeader' };
  if (missing.length)
    return {
      ok: false,
      key: 'roster.file.missingColumns',
      params: { columns: missing.map((k) => COLUMN_BY_KEY[k].header).join('、') },
    };
  if (tooMany) return { ok: false, key: 'roster.file.tooManyRows', params: { max: MAX_ROWS } };
  if (checker.rowCount === 0) return { ok: false, key: 'roster.file.noRows' };
  return { ok: true, check: checker.finish() };
}

/**
 * Which people of the file are registered already (in any area: a person is registered once), by the
 * keyed hash of their ID numbers, looked up BATCH at a time. Computes the hashes on the way. `hits`:
 * the rows registered outside the viewer's area whose answer the report depends on (rows without a
 * problem of their own), for recordDuplicateHits: the report says only "registered", whatever the area.
 */
async function planAgainstRegistry(
  client: Tx | typeof db,
  viewer: Viewer,
  check: FileCheck,
  onProgress?: (p: RosterProgress) => void,
): Promise<{ plan: RosterPlan; hits: DuplicateHit[] }> {
  const people = check.rows.filter((r) => r.idNumber);
  const registered = new Map<string, { id: number; region: string }>();
  onProgress?.({ phase: 'check', done: 0, total: people.length });
  for (let i = 0; i < people.length; i += BATCH) {
    const batch = people.slice(i, i + BATCH).map((row) => (row.hash ??= lookupHash(row.idNumber!)));
    const rows = await client.$queryRaw<
      { h: string; id: number; region: string }[]
    >`SELECT id_number_hash AS h, id, region_code AS region FROM person WHERE id_number_hash = ANY(${batch}::text[])`;
    for (const row of rows) registered.set(row.h, row);
    onProgress?.({ phase: 'check', done: Math.min(i + BATCH, people.length), total: people.length });
  }
  const withIssue = new Set(check.issues.map((issue) => issue.row));
  const hits = people.flatMap((row) => {
    const other = registered.get(row.hash!);
    if (!other || withIssue.has(row.row) || other.region.startsWith(viewer.scopeCode)) return [];
    return [
      {
        idNumber: row.idNumber!,
        personId: other.id,
        existingRegionCode: other.region,
        areaCode: row.villageCode ?? viewer.scopeCode,
      },
    ];
  });
  return { plan: planImport(check, (row) => registered.has(row.hash!)), hits };
}

/** Thrown inside the import's transaction when the file's hits pass the daily cap: nothing is written. */
class DuplicateCapReached extends Error {}

function reportOf(
  plan: RosterPlan,
  file: { name: string; hash: string },
  locale: Locale,
  imported: boolean,
): RosterReport {
  const t = tr(locale);
  const issuesByColumn: Record<string, number> = {};
  for (const issue of plan.issues) {
    const header = issue.column ? COLUMN_BY_KEY[issue.column].header : '';
    issuesByColumn[header] = (issuesByColumn[header] ?? 0) + 1;
  }
  return {
    fileName: file.name,
    fileHash: file.hash,
    counts: plan.counts,
    issues: plan.issues.slice(0, MAX_ISSUES_LISTED).map((issue) => ({
      row: issue.row,
      column: issue.column ? COLUMN_BY_KEY[issue.column].header : null,
      message: t(issue.key, issue.params),
    })),
    issueCount: plan.issues.length,
    issuesByColumn,
    imported,
  };
}

const sha256 = (file: Buffer) => createHash('sha256').update(file).digest('hex');
// biome-ignore lint/suspicious/noControlCharactersInRegex: strips control characters from a file name on purpose
const cleanFileName = (name: string) => name.replace(/[\u0000-\u001f]/g, '').slice(0, 120) || 'roster.xlsx';

/** Reads and checks a roster file and reports what an import would do. Writes nothing but its audit row. */
export async function checkRoster(viewer: Viewer | null, input: ImportInput): Promise<RosterResult> {
  const requestId = input.requestId ?? randomUUID().slice(0, 8);
  const action = 'roster.validate';
  const refused = await refusal(viewer, 'household.import', action, input.locale, requestId);
  if (refused) return refused;
  const user = viewer!;
  const t = tr(input.locale);
  const file = { name: cleanFileName(input.fileName), hash: sha256(input.file) };
  try {
    const analysis = await analyse(user, input.file, input.bytes ?? 0, input.onProgress);
    if (!analysis.ok) {
      await writeAuditNow(actorOf(user), {
        action,
        result: 'INVALID',
        entity: 'Roster',
        regionCode: user.scopeCode,
        message: analysis.key,
        changes: { fileName: file.name, bytes: Math.max(input.bytes ?? 0, input.file.length) },
        requestId,
      });
      return {
        ok: false,
        status: analysis.key === 'roster.file.tooLarge' ? 413 : 400,
        message: t(analysis.key, analysis.params),
      };
    }
    const { plan, hits } = await planAgainstRegistry(db, user, analysis.check, input.onProgress);
    if (!(await recordDuplicateHits(user, 'roster.validate', hits, requestId)))
      return { ok: false, status: 429, message: t('households.duplicateCap', { max: DUPLICATE_HITS_PER_DAY }) };
    await writeAuditNow(actorOf(user), {
      action,
      result: 'OK',
      entity: 'Roster',
      regionCode: user.scopeCode,
      changes: { fileName: file.name, fileHash: file.hash.slice(0, 16), ...plan.counts, issues: plan.issues.length },
      requestId,
    });
    return { ok: true, report: reportOf(plan, file, input.locale, false) };
  } catch (error) {
    return failed(user, action, requestId, error, input.locale);
  }
}

async function failed(
  viewer: Viewer,
  action: string,
  requestId: string,
  error: unknown,
  locale: Locale,
): Promise<RosterFailure> {
  console.error(JSON.stringify({ level: 'error', requestId, action, error: String((error as Error)?.stack ?? error) }));
  await writeAuditNow(actorOf(viewer), {
    action,
    result: 'ERROR',
    regionCode: viewer.scopeCode,
    requestId,
    message: String((error as Error)?.message ?? error),
  }).catch(() => {});
  return { ok: false, status: 500, message: tr(locale)('errors.unexpected', { requestId }) };
}

/**
 * Imports a checked roster: the same file again and the hash its check reported. Checks it again,
 * then writes every valid, new household in ONE transaction (households, members, a NOT_POOR status
 * event "导入"), in multi-row INSERT … SELECT FROM unnest(…) statements of BATCH rows, with its
 * audit row. Imports run one at a time (an advisory lock), so two clerks importing overlapping
 * files cannot register a person twice; a person already registered is skipped, so importing the
 * same file twice writes nothing the second time.
 */
export async function importRoster(
  viewer: Viewer | null,
  input: ImportInput & { expectedHash: string },
): Promise<RosterResult> {
  const requestId = input.requestId ?? randomUUID().slice(0, 8);
  const action = 'roster.import';
  const refused = await refusal(viewer, 'household.import', action, input.locale, requestId);
  if (refused) return refused;
  const user = viewer!;
  const t = tr(input.locale);
  const file = { name: cleanFileName(input.fileName), hash: sha256(input.file) };
  const tooLarge = Math.max(input.bytes ?? 0, input.file.length) > MAX_FILE_BYTES; // said by the analysis below
  if (!tooLarge && file.hash !== input.expectedHash) {
    await writeAuditNow(actorOf(user), {
      action,
      result: 'INVALID',
      entity: 'Roster',
      regionCode: user.scopeCode,
      message: 'roster.file.changed',
      changes: { fileName: file.name },
      requestId,
    });
    return { ok: false, status: 409, message: t('roster.file.changed') };
  }
  try {
    const analysis = await analyse(user, input.file, input.bytes ?? 0, input.onProgress);
    if (!analysis.ok) {
      await writeAuditNow(actorOf(user), {
        action,
        result: 'INVALID',
        entity: 'Roster',
        regionCode: user.scopeCode,
        message: analysis.key,
        changes: { fileName: file.name, bytes: Math.max(input.bytes ?? 0, input.file.length) },
        requestId,
      });
      return {
        ok: false,
        status: analysis.key === 'roster.file.tooLarge' ? 413 : 400,
        message: t(analysis.key, analysis.params),
      };
    }
    const plan = await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('roster.import'))`;
        const { plan, hits } = await planAgainstRegistry(tx, user, analysis.check, input.onProgress);
        if (!(await recordDuplicateHits(user, 'roster.import', hits, requestId))) throw new DuplicateCapReached();
        await writeHouseholds(tx, user, plan, input.onProgress);
        await writeAudit(tx, actorOf(user), {
          action,
          result: 'OK',
          entity: 'Roster',
          regionCode: user.scopeCode,
          changes: {
            fileName: file.name,
            fileHash: file.hash.slice(0, 16),
            ...plan.counts,
            issues: plan.issues.length,
            writtenHouseholds: plan.counts.newHouseholds,
            writtenPeople: plan.counts.newRows,
          },
          requestId,
        });
        return plan;
      },
      { timeout: 10 * 60_000, maxWait: 30_000 },
    );
    return { ok: true, report: reportOf(plan, file, input.locale, true) };
  } catch (error) {
    if (error instanceof DuplicateCapReached)
      return { ok: false, status: 429, message: t('households.duplicateCap', { max: DUPLICATE_HITS_PER_DAY }) };
    return failed(user, action, requestId, error, input.locale);
  }
}

type Columns = ReturnType<typeof batchColumns>;

/** One batch as column arrays for INSERT … SELECT FROM unnest(…): encryption and pinyin happen here. */
function batchColumns(batch: PlannedHousehold[], ids: number[]) {
  const h = {
    id: ids,
    region: [] as string[],
    group: [] as string[],
    headName: [] as string[],
    initials: [] as string[],
    causes: [] as string[],
    allowance: [] as string[],
    members: [] as number[],
    phone: [] as (string | null)[],
    ...(Object.fromEntries(CHECKLIST.map((k) => [k, [] as boolean[]])) as Record<
      (typeof CHECKLIST)[number],
      boolean[]
    >),
  };
  const p = {
    household: [] as number[],
    region: [] as string[],
    name: [] as string[],
    relation: [] as string[],
    isHead: [] as boolean[],
    idEnc: [] as string[],
    idHash: [] as string[],
    last4: [] as string[],
    sex: [] as string[],
    birth: [] as string[],
    phone: [] as (string | null)[],
    health: [] as string[],
    labour: [] as string[],
    inSchool: [] as boolean[],
  };
  batch.forEach((household, i) => {
    const head = household.members[0];
    const headPhone = head.phone ? encryptText(head.phone) : null;
    h.region.push(household.villageCode);
    h.group.push(household.groupName);
    h.headName.push(head.name!);
    h.initials.push(pinyinInitials(head.name!).slice(0, 40));
    h.causes.push(household.facts.povertyCauses.join(','));
    h.allowance.push(household.facts.allowance);
    h.members.push(household.members.length);
    h.phone.push(headPhone);
    for (const k of CHECKLIST) h[k].push(household.facts[k]);
    for (const m of household.members) {
      p.household.push(ids[i]);
      p.region.push(household.villageCode);
      p.name.push(m.name!);
      p.relation.push(m.relation!);
      p.isHead.push(m === head);
      p.idEnc.push(encryptText(m.idNumber!));
      p.idHash.push(m.hash!);
      p.last4.push(m.idNumber!.slice(-4));
      p.sex.push(m.sex!);
      p.birth.push(m.birthDate!.toISOString().slice(0, 10));
      p.phone.push(m === head ? headPhone : m.phone ? encryptText(m.phone) : null);
      p.health.push(m.health);
      p.labour.push(m.labour);
      p.inSchool.push(m.inSchool);
    }
  });
  return { h, p };
}

/** Three multi-row INSERTs: the households, their members, and a status event "导入" each. */
async function insertBatch(tx: Tx, viewer: Viewer, now: Date, { h, p }: Columns) {
  await tx.$executeRaw`
    INSERT INTO household (id, region_code, group_name, head_name, head_initials, status, status_since, poverty_causes, allowance,
                           member_count, phone_enc, food_secure, clothing_secure, education_secure, medical_secure, housing_secure,
                           water_secure, created_at, updated_at)
    SELECT t.id, t.region, t.grp, t.head, t.initials, 'NOT_POOR'::"HouseholdStatus", ${now}::timestamptz, string_to_array(t.causes, ',')::"PovertyCause"[],
           t.allowance::"AllowanceType", t.members, t.phone, t.food, t.clothing, t.education, t.medical, t.housing, t.water,
           ${now}::timestamptz, ${now}::timestamptz
      FROM unnest(${h.id}::int[], ${h.region}::text[], ${h.group}::text[], ${h.headName}::text[], ${h.initials}::text[], ${h.causes}::text[],
                  ${h.allowance}::text[], ${h.members}::int[], ${h.phone}::text[], ${h.foodSecure}::bool[], ${h.clothingSecure}::bool[],
                  ${h.educationSecure}::bool[], ${h.medicalSecure}::bool[], ${h.housingSecure}::bool[], ${h.waterSecure}::bool[])
        AS t(id, region, grp, head, initials, causes, allowance, members, phone, food, clothing, education, medical, housing, water)`;
  await tx.$executeRaw`
    INSERT INTO person (household_id, region_code, name, relation, is_head, id_number_enc, id_number_hash, id_last4, sex, birth_date,
                        phone_enc, health, labour, in_school)
    SELECT t.household, t.region, t.name, t.relation::"Relation", t.is_head, t.enc, t.hash, t.last4, t.sex::"Sex", t.birth::date,
           t.phone, t.health::"HealthStatus", t.labour::"LabourAbility", t.in_school
      FROM unnest(${p.household}::int[], ${p.region}::text[], ${p.name}::text[], ${p.relation}::text[], ${p.isHead}::bool[],
                  ${p.idEnc}::text[], ${p.idHash}::text[], ${p.last4}::text[], ${p.sex}::text[], ${p.birth}::text[],
                  ${p.phone}::text[], ${p.health}::text[], ${p.labour}::text[], ${p.inSchool}::bool[])
        AS t(household, region, name, relation, is_head, enc, hash, last4, sex, birth, phone, health, labour, in_school)`;
  await tx.$executeRaw`
    INSERT INTO status_event (household_id, region_code, to_status, at, user_id, user_name, note)
    SELECT t.id, t.region, 'NOT_POOR'::"HouseholdStatus", ${now}::timestamptz, ${viewer.userId}::int, ${viewer.displayName.slice(0, 40)}::text, '导入'::text
      FROM unnest(${h.id}::int[], ${h.region}::text[]) AS t(id, region)`;
}

/**
 * The bulk write, in batches of whole households of about BATCH people. Household ids come from the
 * sequence first, so members can point at them. While the database inserts one batch, the next one
 * is being prepared (encryption, pinyin): on two cores the two overlap.
 */
async function writeHouseholds(tx: Tx, viewer: Viewer, plan: RosterPlan, onProgress?: (p: RosterProgress) => void) {
  const now = new Date();
  const total = plan.counts.newRows;
  onProgress?.({ phase: 'write', done: 0, total });
  if (plan.households.length === 0) return;
  const ids = (
    await tx.$queryRaw<
      { id: number }[]
    >`SELECT nextval(pg_get_serial_sequence('household', 'id'))::int AS id FROM generate_series(1, ${plan.households.length}::int)`
  ).map((r) => r.id);
  let done = 0;
  let inserting: Promise<void> = Promise.resolve();
  let start = 0;
  while (start < plan.households.length) {
    let end = start;
    let people = 0;
    while (end < plan.households.length && (people === 0 || people + plan.households[end].members.length <= BATCH))
      people += plan.households[end++].members.length;
    const columns = batchColumns(plan.households.slice(start, end), ids.slice(start, end));
    start = end;
    await inserting; // the previous batch, inserted while this one was prepared
    inserting = insertBatch(tx, viewer, now, columns).then(() => {
      done += people;
      onProgress?.({ phase: 'write', done, total });
    });
    inserting.catch(() => {}); // awaited below or at the next turn; never left unhandled meanwhile
  }
  await inserting;
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

export type RosterExport =
  | RosterFailure
  | {
      ok: true;
      fileName: string;
      asciiFileName: string;
      area: string;
      write(out: Writable, signal?: AbortSignal): Promise<{ rows: number }>;
    };

/** Today's date in China, YYYY-MM-DD. */
const chinaDate = (at = new Date()) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Prepares the export of an area's roster (the viewer's area, or a smaller one inside it): one row
 * per person in the template's columns, so that a full export can be imported elsewhere. ID and
 * phone numbers masked without 'personal.reveal', health and labour left out without 'health.view'.
 * `write` streams the workbook, reading households in batches by id (keyset), and audits the export
 * with its row count when the file is complete (or how far it got, if it was not).
 */
export async function prepareRosterExport(
  viewer: Viewer | null,
  areaParam: string | null,
  options: { locale: Locale; requestId?: string },
): Promise<RosterExport> {
  const requestId = options.requestId ?? randomUUID().slice(0, 8);
  const action = 'roster.export';
  const refused = await refusal(viewer, 'household.export', action, options.locale, requestId);
  if (refused) return refused;
  const user = viewer!;
  const area = areaParam || user.scopeCode;
  const region =
    isRegionCode(area) && area.startsWith(user.scopeCode)
      ? await db.region.findUnique({ where: { code: area }, select: { code: true, name: true } })
      : null;
  if (!region) {
    // Outside the area is "not found", as everywhere: codes cannot be probed.
    await writeAuditNow(actorOf(user), {
      action,
      result: 'REFUSED',
      regionCode: user.scopeCode,
      message: `area ${area.slice(0, 20)}`,
      requestId,
    });
    return { ok: false, status: 404, message: tr(options.locale)('errors.notFound') };
  }
  const fullIds = can(user.role, 'personal.reveal');
  const health = can(user.role, 'health.view');
  const date = chinaDate();
  return {
    ok: true,
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
          const batch = await db.household.findMany({
            where: { regionCode: { startsWith: region.code }, id: { gt: lastId } },
            orderBy: { id: 'asc' },
            take: EXPORT_BATCH,
            select: {
              id: true,
              regionCode: true,
              groupName: true,
              allowance: true,
              povertyCauses: true,
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
            for (const k of CHECKLIST) facts[AT[k]] = yesNo(household[k]);
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
          ['导出人', user.displayName],
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
        await writeAuditNow(actorOf(user), {
          action,
          result: 'OK',
          entity: 'Roster',
          regionCode: region.code,
          changes: { area: region.code, rows, households, fullIds, healthIncluded: health },
          requestId,
        });
        return { rows };
      } catch (error) {
        await writeAuditNow(actorOf(user), {
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
