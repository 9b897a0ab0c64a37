// The existing accounts by area, to sign the seeded records (visits, problems, inspections) as the
// people who would have made them. Shared by the visit and inspection seeds.
import type pg from 'pg';
import type { ProblemOwner } from '../../lib/generated/prisma/enums';
import type { SeedActor } from './problems';

export type UserRow = { id: number; username: string; display_name: string; role: string; scope_code: string };

export const actor = (u: UserRow): SeedActor => ({ id: u.id, name: u.display_name.slice(0, 40) });

export class Actors {
  readonly county: SeedActor;
  private readonly byScope = new Map<string, UserRow[]>();
  private readonly offices: UserRow[];
  constructor(rows: UserRow[]) {
    const usable = rows.filter((u) => u.username !== 'lockme'); // the lockout test's account may be locked: never an author
    for (const u of usable) {
      const list = this.byScope.get(u.scope_code);
      if (list) list.push(u);
      else this.byScope.set(u.scope_code, [u]);
    }
    const county =
      usable.find((u) => u.username === 'county') ?? usable.find((u) => u.role === 'COUNTY_ADMIN') ?? usable[0];
    if (!county) throw new Error('seed: no user account to sign the seeded records with');
    this.county = actor(county);
    this.offices = usable.filter((u) => u.role === 'COUNTY_ADMIN' || u.role === 'TOWNSHIP_STAFF');
  }
  private first(scope: string, roles: string[]): SeedActor | null {
    const list = this.byScope.get(scope) ?? [];
    for (const role of roles) {
      const u = list.find((x) => x.role === role);
      if (u) return actor(u);
    }
    return null;
  }
  /** The village's team account: the leader first (solves), or the member (records, starts). */
  village(code: string, prefer: 'leader' | 'member' = 'leader'): SeedActor | null {
    return this.first(code, prefer === 'leader' ? ['TEAM_LEADER', 'TEAM_MEMBER'] : ['TEAM_MEMBER', 'TEAM_LEADER']);
  }
  township(code: string): SeedActor | null {
    return this.first(code.slice(0, 9), ['TOWNSHIP_STAFF']);
  }
  countyAdmin(countyCode: string): SeedActor {
    return this.first(countyCode, ['COUNTY_ADMIN']) ?? this.county;
  }
  /** The county's inspector, else its office. */
  inspector(countyCode: string): SeedActor {
    return this.first(countyCode, ['INSPECTOR']) ?? this.countyAdmin(countyCode);
  }
  /** Who works a problem owned by `owner` in `village`. */
  worker(village: string, owner: ProblemOwner): SeedActor {
    if (owner === 'DEPARTMENT') return this.countyAdmin(village.slice(0, 6)); // departments have no accounts: the county office records
    if (owner === 'TOWNSHIP') return this.township(village) ?? this.countyAdmin(village.slice(0, 6));
    return this.village(village) ?? this.township(village) ?? this.countyAdmin(village.slice(0, 6));
  }
  /** A township or county account that is not `solver` (the four-eyes rule): the township's, the county's, then any office account. */
  reviewer(village: string, solver: SeedActor): SeedActor {
    const countyCode = village.slice(0, 6);
    const candidates = [
      this.township(village),
      this.countyAdmin(countyCode),
      this.county,
      ...this.offices.filter((u) => u.scope_code.startsWith(countyCode)).map(actor),
      ...this.offices.map(actor),
    ];
    const found = candidates.find((u) => u && u.id !== solver.id);
    if (!found) throw new Error('seed: need two office accounts for the four-eyes rule');
    return found;
  }
}

export async function loadActors(client: pg.ClientBase): Promise<Actors> {
  const rows = await client.query<UserRow>(
    `SELECT id, username, display_name, role::text, scope_code FROM app_user WHERE NOT disabled ORDER BY id`,
  );
  return new Actors(rows.rows);
}
