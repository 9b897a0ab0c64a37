// Problems of the ledger with their step history, written in two batched inserts: shared by the visit
// and the inspection seeds, which plan the problems (and their steps) their own way.
import type pg from 'pg';
import type {
  ProblemCategory,
  ProblemOwner,
  ProblemSource,
  ProblemStatus,
  ProblemStepKind,
  Urgency,
} from '../../lib/generated/prisma/enums';
import { dateOfDayNumber } from '../../lib/time';
import type { Random } from './random';
import { nextIds } from './sql';

const iso = (day: number) => dateOfDayNumber(day);

export type SeedActor = { id: number; name: string };

export type StepPlan = {
  kind: ProblemStepKind;
  from: ProblemStatus | null;
  to: ProblemStatus;
  day: number;
  user: SeedActor;
  note: string | null;
  evidence: string | null;
  owner: ProblemOwner | null;
  ownerUnitId: number | null;
  deadline: number | null;
};

export type ProblemPlan = {
  regionCode: string;
  householdId: number | null;
  visitId: string | null;
  category: ProblemCategory;
  urgency: Urgency;
  source: ProblemSource;
  description: string;
  found: number;
  /** By urgency from the county's policy; an escalation step sets a new one. */
  deadline: number;
  createdBy: SeedActor;
  steps: StepPlan[];
};

/**
 * Writes the problems in the given order (ids in that order) and their steps. A day's steps get times
 * from 08:30 on, a while apart; the very first step from `firstStepMinute` (a visit's morning, an
 * inspection's evening). Returns the new ids, in plan order, and the number of steps.
 */
export async function writeProblems(
  client: pg.ClientBase,
  random: Random,
  plans: ProblemPlan[],
  times: { firstStepMinute: number; spread: number } = { firstStepMinute: 8 * 60 + 30, spread: 150 },
): Promise<{ ids: number[]; steps: number }> {
  if (plans.length === 0) return { ids: [], steps: 0 };
  const ids = await nextIds(client, 'problem', plans.length);
  const P = {
    id: [] as number[],
    region: [] as string[],
    household: [] as (number | null)[],
    visit: [] as (string | null)[],
    category: [] as string[],
    urgency: [] as string[],
    source: [] as string[],
    description: [] as string[],
    status: [] as string[],
    owner: [] as string[],
    unit: [] as (number | null)[],
    deadline: [] as string[],
    found: [] as string[],
    solvedBy: [] as (number | null)[],
    solvedOn: [] as (string | null)[],
    struckOn: [] as (string | null)[],
    createdBy: [] as number[],
    version: [] as number[],
    createdAt: [] as string[],
  };
  const S = {
    problem: [] as number[],
    kind: [] as string[],
    from: [] as (string | null)[],
    to: [] as string[],
    at: [] as string[],
    user: [] as number[],
    userName: [] as string[],
    note: [] as (string | null)[],
    evidence: [] as (string | null)[],
    owner: [] as (string | null)[],
    unit: [] as (number | null)[],
    deadline: [] as (string | null)[],
  };
  plans.forEach((p, i) => {
    const id = ids[i];
    let owner: ProblemOwner = 'VILLAGE_TEAM';
    let unit: number | null = null;
    let deadline = p.deadline;
    let solvedBy: number | null = null;
    let solvedOn: number | null = null;
    let struckOn: number | null = null;
    let lastDay = -1;
    let minute = 0;
    const stamps: string[] = [];
    for (const s of p.steps) {
      if (s.day !== lastDay) {
        minute = (stamps.length === 0 ? times.firstStepMinute : 8 * 60 + 30) + random.int(0, times.spread);
        lastDay = s.day;
      } else minute = Math.min(minute + random.int(15, 120), 22 * 60 + stamps.length);
      const hh = String(Math.floor(minute / 60)).padStart(2, '0');
      const mm = String(minute % 60).padStart(2, '0');
      stamps.push(`${iso(s.day)}T${hh}:${mm}:${String(stamps.length % 60).padStart(2, '0')}+08:00`);
      if (s.kind === 'ESCALATE') {
        owner = s.owner!;
        unit = s.ownerUnitId;
        deadline = s.deadline!;
      }
      if (s.kind === 'SOLVE') {
        solvedBy = s.user.id;
        solvedOn = s.day;
      }
      if (s.kind === 'STRIKE_OFF') struckOn = s.day;
      if (s.kind === 'RETURN' || s.kind === 'REOPEN') {
        solvedBy = null;
        solvedOn = null;
        struckOn = null;
      }
    }
    const status = p.steps[p.steps.length - 1].to;
    P.id.push(id);
    P.region.push(p.regionCode);
    P.household.push(p.householdId);
    P.visit.push(p.visitId);
    P.category.push(p.category);
    P.urgency.push(p.urgency);
    P.source.push(p.source);
    P.description.push(p.description.slice(0, 1000));
    P.status.push(status);
    P.owner.push(owner);
    P.unit.push(unit);
    P.deadline.push(iso(deadline));
    P.found.push(iso(p.found));
    P.solvedBy.push(solvedBy);
    P.solvedOn.push(solvedOn === null ? null : iso(solvedOn));
    P.struckOn.push(struckOn === null ? null : iso(struckOn));
    P.createdBy.push(p.createdBy.id);
    P.version.push(p.steps.length);
    P.createdAt.push(stamps[0]);
    p.steps.forEach((s, j) => {
      S.problem.push(id);
      S.kind.push(s.kind);
      S.from.push(s.from);
      S.to.push(s.to);
      S.at.push(stamps[j]);
      S.user.push(s.user.id);
      S.userName.push(s.user.name);
      S.note.push(s.note);
      S.evidence.push(s.evidence);
      S.owner.push(s.owner);
      S.unit.push(s.ownerUnitId);
      S.deadline.push(s.deadline === null ? null : iso(s.deadline));
    });
  });
  await client.query(
    `INSERT INTO problem (id, region_code, household_id, visit_id, category, urgency, source, description, status, owner, owner_unit_id, deadline,
       found_on, solved_by_id, solved_on, struck_off_on, created_by_id, version, created_at)
     SELECT u.id, u.region, u.household, u.visit, u.category::"ProblemCategory", u.urgency::"Urgency", u.source::"ProblemSource", u.description,
       u.status::"ProblemStatus", u.owner::"ProblemOwner", u.unit, u.deadline, u.found, u.solved_by, u.solved_on, u.struck_on, u.created_by, u.version, u.created_at
     FROM unnest($1::int[], $2::text[], $3::int[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[],
       $12::date[], $13::date[], $14::int[], $15::date[], $16::date[], $17::int[], $18::int[], $19::timestamptz[])
       AS u(id, region, household, visit, category, urgency, source, description, status, owner, unit, deadline, found, solved_by, solved_on, struck_on,
         created_by, version, created_at)
     ORDER BY u.id`,
    [
      P.id,
      P.region,
      P.household,
      P.visit,
      P.category,
      P.urgency,
      P.source,
      P.description,
      P.status,
      P.owner,
      P.unit,
      P.deadline,
      P.found,
      P.solvedBy,
      P.solvedOn,
      P.struckOn,
      P.createdBy,
      P.version,
      P.createdAt,
    ],
  );
  await client.query(
    `INSERT INTO problem_step (problem_id, kind, from_status, to_status, at, user_id, user_name, note, evidence, owner, owner_unit_id, deadline)
     SELECT u.problem, u.kind::"ProblemStepKind", u.from_status::"ProblemStatus", u.to_status::"ProblemStatus", u.at, u.user_id, u.user_name, u.note,
       u.evidence, u.owner::"ProblemOwner", u.unit, u.deadline
     FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::date[])
       AS u(problem, kind, from_status, to_status, at, user_id, user_name, note, evidence, owner, unit, deadline)
     ORDER BY u.problem, u.at`,
    [S.problem, S.kind, S.from, S.to, S.at, S.user, S.userName, S.note, S.evidence, S.owner, S.unit, S.deadline],
  );
  return { ids, steps: S.problem.length };
}
