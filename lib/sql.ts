// Typed SQL. Raw SQL lives in lib/<domain>/sql.ts as functions returning Query<Row>: the statement text
// with $1…$n parameters, its values, and the type of its rows declared beside it. The app runs them
// through rows()/execute() of lib/db.ts (the only *Unsafe calls); the benchmark runs the same text and
// values through plain pg for its floors, which is why this file has no server-only and no Next import.
import { Prisma } from '@/lib/generated/prisma/client';

/** A SQL statement, its parameter values and (for the type checker) the type of the rows it returns. */
export type Query<Row = never> = { readonly text: string; readonly values: readonly unknown[]; readonly row?: Row };
/** A piece of SQL to splice into a query: a nested sql`` fragment, joined fragments or a fixed keyword. */
export type Fragment = Prisma.Sql;

/** Builds a query: interpolated values become parameters (never spliced text); nested fragments splice. */
export function sql<Row = never>(strings: TemplateStringsArray, ...values: unknown[]): Query<Row> & Fragment {
  return Prisma.sql(strings, ...(values as Prisma.Sql[])) as Query<Row> & Fragment;
}
/** Fragments joined by `separator` (e.g. a list of VALUES rows). */
export const joinSql = (parts: readonly unknown[], separator = ', '): Fragment => Prisma.join(parts, separator);
/** Fixed SQL text, never user input (a table name chosen from a closed list). */
export const rawSql = (text: string): Fragment => Prisma.raw(text);
export const emptySql: Fragment = Prisma.empty;
