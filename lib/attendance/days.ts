// Calendar days between the database (DATE columns arrive as UTC-midnight Dates) and 'YYYY-MM-DD'.

/** The 'YYYY-MM-DD' of a DATE column value. */
export function isoDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** The DATE column value of a 'YYYY-MM-DD' day. */
export function dayOf(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}
