// The audit log's hash chain, checked outside the database: the same text and hash as the database's
// audit_log_hash() (migration 20261204211300_audit_chain), built here from the stored columns, so a
// replaced database function cannot vouch for itself.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** An audit row as read for checking: ids as text, `changes` as PostgreSQL's own jsonb text. */
export type ChainRow = {
  id: string;
  at: Date;
  userId: number | null;
  username: string | null;
  role: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  regionCode: string | null;
  result: string;
  changes: string | null;
  message: string | null;
  requestId: string | null;
  prevHash: string | null;
  hash: string | null;
};

/** PostgreSQL's json_build_array(…)::text of the columns: `["a", null, …]` with ", " between items. */
export function chainText(row: ChainRow): string {
  const fields = [
    row.id,
    row.at.toISOString(),
    row.userId === null ? null : String(row.userId),
    row.username,
    row.role,
    row.action,
    row.entity,
    row.entityId,
    row.regionCode,
    row.result,
    row.changes,
    row.message,
    row.requestId,
    row.prevHash,
  ];
  return `[${fields.map((field) => JSON.stringify(field)).join(', ')}]`;
}

export function chainHash(row: ChainRow): string {
  return createHash('sha256').update(chainText(row), 'utf8').digest('hex');
}

export type ChainProblem =
  | { kind: 'changed'; id: string }
  | { kind: 'missing'; afterId: string | null; beforeId: string }
  | { kind: 'missingNewest'; afterId: string | null; headId: string };

/** Follows the chain in id order; the first problem is the first row changed or missing. */
export class ChainChecker {
  rows = 0;
  problems: ChainProblem[] = [];
  private previousHash = GENESIS_HASH;
  private previousId: string | null = null;

  add(row: ChainRow): void {
    this.rows++;
    // A link that does not match the row before: a row between them was deleted (or rewritten with a new hash).
    if (row.prevHash !== this.previousHash)
      this.problems.push({ kind: 'missing', afterId: this.previousId, beforeId: row.id });
    if (row.hash !== chainHash(row)) this.problems.push({ kind: 'changed', id: row.id });
    this.previousHash = row.hash ?? '';
    this.previousId = row.id;
  }

  /** The head row remembers the newest link: rows deleted from the end show here. */
  finish(head: { lastId: string; hash: string } | null): ChainProblem[] {
    const empty = head === null || (head.lastId === '0' && head.hash === GENESIS_HASH);
    if (!(empty && this.rows === 0) && (head?.lastId !== this.previousId || head?.hash !== this.previousHash))
      this.problems.push({ kind: 'missingNewest', afterId: this.previousId, headId: head?.lastId ?? '?' });
    return this.problems;
  }
}

export function describeProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'changed':
      return `audit row ${problem.id} was changed (its content no longer matches its hash)`;
    case 'missing':
      return problem.afterId === null
        ? `audit rows before ${problem.beforeId} are missing (the chain does not start at the beginning)`
        : `an audit row between ${problem.afterId} and ${problem.beforeId} is missing (or ${problem.afterId} was rewritten)`;
    case 'missingNewest':
      return `the newest audit rows are missing: the chain ends at ${problem.afterId ?? 'nothing'}, its head says ${problem.headId}`;
  }
}
