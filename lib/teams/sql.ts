// Teams' raw SQL: the row locks that serialise writes to a team and to a person, run with execute() of
// lib/db.ts. Attendance takes the same locks (lib/attendance/commands.ts).
import { sql } from '@/lib/sql';

/** Serialises writes to one person: their postings, and their days (a double tap, two clerks). */
export const lockCadre = (cadreId: number) => sql`SELECT 1 FROM cadre WHERE id = ${cadreId} FOR UPDATE`;

/** The exclusive lock on a team: one leader at a time, and a month's sign-off. */
export const lockTeam = (teamId: number) => sql`SELECT 1 FROM work_team WHERE id = ${teamId} FOR UPDATE`;

/** A shared lock on a team: a sign-off (which locks it exclusively) waits for day writes in flight. */
export const lockTeamShared = (teamId: number) => sql`SELECT 1 FROM work_team WHERE id = ${teamId} FOR SHARE`;
