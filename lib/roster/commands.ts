// Roster (花名册) import: the writes. Import is two requests with the same file: "check" reads and
// checks it and writes nothing but the audit and the duplicates it met; "confirm" sends the file again
// with the SHA-256 the check reported, reads and checks it again (against the registry as it is at that
// moment, under a lock) and writes every valid household in one transaction, in bulk. No state is kept
// between the two, so nothing is lost on a restart or left behind when the clerk walks away, and what is
// written is what was just checked.
import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { writeAudit, writeAuditNow } from '@/lib/audit/data';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { db, execute, rows, type Tx } from '@/lib/db';
import { recordDuplicateHits } from '@/lib/households/commands';
import { pinyinInitials } from '@/lib/households/identity';
import { DUPLICATE_HITS_PER_DAY } from '@/lib/households/rules';
import { CHECKLIST } from '@/lib/households/schema';
import type { Locale } from '@/lib/i18n/locales';
import { encryptText, lookupHash } from '@/lib/personal-data';
import { chinaYear, isoDay } from '@/lib/time';
import {
  actorOf,
  analyseRoster,
  planAgainstRegistry,
  type RosterFailure,
  type RosterProgress,
  type RosterResult,
  reportOf,
  tr,
} from './data';
import type { PlannedHousehold, RosterPlan } from './parse';
import {
  type HouseholdColumns,
  type IncomeColumns,
  insertHouseholds,
  insertImportEvents,
  insertIncomes,
  insertPeople,
  insertPlans,
  lockRosterImport,
  nextHouseholdIds,
  type PersonColumns,
  type PlanColumns,
} from './sql';
import { MAX_FILE_BYTES } from './xlsx';

/** People per multi-row INSERT. */
const BATCH = 5_000;

type RunOptions = { locale: Locale; requestId?: string; onProgress?: (progress: RosterProgress) => void };
/** `bytes`: the size the upload declared, when it was too large to read at all. */
type ImportInput = RunOptions & { file: Buffer; fileName: string; bytes?: number };

/** Thrown inside the import's transaction when the file's hits pass the daily cap: nothing is written. */
class DuplicateCapReached extends Error {}

const sha256 = (file: Buffer) => createHash('sha256').update(file).digest('hex');
// biome-ignore lint/suspicious/noControlCharactersInRegex: strips control characters from a file name on purpose
const cleanFileName = (name: string) => name.replace(/[\u0000-\u001f]/g, '').slice(0, 120) || 'roster.xlsx';

/**
 * Reads and checks a roster file and reports what an import would do. Writes nothing but its audit row
 * and the people it met who are registered in another area (recordDuplicateHits), capped a day.
 */
export async function checkRoster(viewer: Viewer, input: ImportInput): Promise<RosterResult> {
  requireCan(viewer, 'household.import');
  const requestId = input.requestId ?? randomUUID().slice(0, 8);
  const action = 'roster.validate';
  const t = tr(input.locale);
  const file = { name: cleanFileName(input.fileName), hash: sha256(input.file) };
  try {
    const analysis = await analyseRoster(viewer, input.file, input.bytes ?? 0, input.onProgress, input.fileName);
    if (!analysis.ok) {
      await writeAuditNow(actorOf(viewer), {
        action,
        result: 'INVALID',
        entity: 'Roster',
        regionCode: viewer.scopeCode,
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
    const { plan, hits } = await planAgainstRegistry(db, viewer, analysis.check, input.onProgress);
    if (!(await recordDuplicateHits(viewer, 'roster.validate', hits, requestId)))
      return { ok: false, status: 429, message: t('households.duplicateCap', { max: DUPLICATE_HITS_PER_DAY }) };
    await writeAuditNow(actorOf(viewer), {
      action,
      result: 'OK',
      entity: 'Roster',
      regionCode: viewer.scopeCode,
      changes: { fileName: file.name, fileHash: file.hash.slice(0, 16), ...plan.counts, issues: plan.issues.length },
      requestId,
    });
    return { ok: true, report: reportOf(plan, file, input.locale, false, analysis) };
  } catch (error) {
    return failed(viewer, action, requestId, error, input.locale);
  }
}

/** An unexpected error inside the streamed answer: logged, audited, and told with its request id. */
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
 * then writes every valid, new household in ONE transaction (households in the status the file gives,
 * members, yearly incomes, a status event "导入"), in multi-row INSERT … SELECT FROM unnest(…) statements of BATCH rows, with its
 * audit row. Imports run one at a time (an advisory lock), so two clerks importing overlapping
 * files cannot register a person twice; a person already registered is skipped, so importing the
 * same file twice writes nothing the second time.
 */
export async function importRoster(
  viewer: Viewer,
  input: ImportInput & { expectedHash: string },
): Promise<RosterResult> {
  requireCan(viewer, 'household.import');
  const requestId = input.requestId ?? randomUUID().slice(0, 8);
  const action = 'roster.import';
  const t = tr(input.locale);
  const file = { name: cleanFileName(input.fileName), hash: sha256(input.file) };
  const tooLarge = Math.max(input.bytes ?? 0, input.file.length) > MAX_FILE_BYTES; // said by the analysis below
  if (!tooLarge && file.hash !== input.expectedHash) {
    await writeAuditNow(actorOf(viewer), {
      action,
      result: 'INVALID',
      entity: 'Roster',
      regionCode: viewer.scopeCode,
      message: 'roster.file.changed',
      changes: { fileName: file.name },
      requestId,
    });
    return { ok: false, status: 409, message: t('roster.file.changed') };
  }
  try {
    const analysis = await analyseRoster(viewer, input.file, input.bytes ?? 0, input.onProgress, input.fileName);
    if (!analysis.ok) {
      await writeAuditNow(actorOf(viewer), {
        action,
        result: 'INVALID',
        entity: 'Roster',
        regionCode: viewer.scopeCode,
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
        await execute(tx, lockRosterImport());
        const { plan, hits } = await planAgainstRegistry(tx, viewer, analysis.check, input.onProgress);
        if (!(await recordDuplicateHits(viewer, 'roster.import', hits, requestId))) throw new DuplicateCapReached();
        await writeHouseholds(tx, viewer, plan, input.onProgress);
        await writeAudit(tx, actorOf(viewer), {
          action,
          result: 'OK',
          entity: 'Roster',
          regionCode: viewer.scopeCode,
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
    return { ok: true, report: reportOf(plan, file, input.locale, true, analysis) };
  } catch (error) {
    if (error instanceof DuplicateCapReached)
      return { ok: false, status: 429, message: t('households.duplicateCap', { max: DUPLICATE_HITS_PER_DAY }) };
    return failed(viewer, action, requestId, error, input.locale);
  }
}

type Columns = { h: HouseholdColumns; p: PersonColumns; i: IncomeColumns; plans: PlanColumns };

/** One batch as column arrays for INSERT … SELECT FROM unnest(…): encryption and pinyin happen here. */
function batchColumns(batch: PlannedHousehold[], ids: number[]): Columns {
  const h: HouseholdColumns = {
    id: ids,
    status: [],
    identifiedYear: [],
    exitYear: [],
    region: [],
    group: [],
    headName: [],
    initials: [],
    causes: [],
    allowance: [],
    members: [],
    phone: [],
    foodSecure: [],
    clothingSecure: [],
    educationSecure: [],
    medicalSecure: [],
    housingSecure: [],
    waterSecure: [],
  };
  const p: PersonColumns = {
    household: [],
    region: [],
    name: [],
    relation: [],
    isHead: [],
    idEnc: [],
    idHash: [],
    last4: [],
    sex: [],
    birth: [],
    phone: [],
    health: [],
    labour: [],
    inSchool: [],
  };
  const income: IncomeColumns = { household: [], year: [], wage: [], production: [], property: [], transfer: [] };
  const plans: PlanColumns = {
    household: [],
    region: [],
    incomeTarget: [],
    measureHousehold: [],
    kind: [],
    target: [],
    amount: [],
    status: [],
  };
  batch.forEach((household, i) => {
    const plan = household.facts.plan;
    if (plan) {
      plans.household.push(ids[i]);
      plans.region.push(household.villageCode);
      plans.incomeTarget.push(plan.incomeTargetYuan);
      for (const measure of plan.measures) {
        plans.measureHousehold.push(ids[i]);
        plans.kind.push(measure.kind);
        plans.target.push(measure.target);
        plans.amount.push(measure.amountYuan);
        plans.status.push(measure.status);
      }
    }
    const head = household.members[0];
    h.status.push(household.facts.status);
    h.identifiedYear.push(household.facts.identifiedYear);
    h.exitYear.push(household.facts.exitYear);
    for (const year of household.facts.incomes) {
      income.household.push(ids[i]);
      income.year.push(year.year);
      income.wage.push(year.wage);
      income.production.push(year.production);
      income.property.push(year.property);
      income.transfer.push(year.transfer);
    }
    const headPhone = head.phone ? encryptText(head.phone) : null;
    h.region.push(household.villageCode);
    h.group.push(household.groupName);
    h.headName.push(head.name);
    h.initials.push(pinyinInitials(head.name).slice(0, 40));
    h.causes.push(household.facts.povertyCauses.join(','));
    h.allowance.push(household.facts.allowance);
    h.members.push(household.members.length);
    h.phone.push(headPhone);
    for (const k of CHECKLIST) h[k].push(household.facts[k]);
    for (const m of household.members) {
      p.household.push(ids[i]);
      p.region.push(household.villageCode);
      p.name.push(m.name);
      p.relation.push(m.relation);
      p.isHead.push(m === head);
      p.idEnc.push(encryptText(m.idNumber));
      p.idHash.push(m.hash ?? lookupHash(m.idNumber));
      p.last4.push(m.idNumber.slice(-4));
      p.sex.push(m.sex);
      p.birth.push(isoDay(m.birthDate));
      p.phone.push(m === head ? headPhone : m.phone ? encryptText(m.phone) : null);
      p.health.push(m.health);
      p.labour.push(m.labour);
      p.inSchool.push(m.inSchool);
    }
  });
  return { h, p, i: income, plans };
}

/**
 * Multi-row INSERTs: the households, their members, their yearly incomes, this year's help plans, and a status
 * event "导入" each.
 */
async function insertBatch(tx: Tx, viewer: Viewer, now: Date, { h, p, i, plans }: Columns) {
  await execute(tx, insertHouseholds(h, now));
  await execute(tx, insertPeople(p));
  if (i.household.length) await execute(tx, insertIncomes(i));
  if (plans.household.length) await execute(tx, insertPlans(plans, chinaYear(now), now));
  await execute(tx, insertImportEvents(h, { id: viewer.userId, name: viewer.displayName.slice(0, 40) }, now));
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
  const ids = (await rows(tx, nextHouseholdIds(plan.households.length))).map((r) => r.id);
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
