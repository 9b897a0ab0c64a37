// China time and calendar days: the one place that turns an instant into a China day or year, and does
// arithmetic on 'YYYY-MM-DD' days. Every domain stands on this; it imports nothing of the app.
// A server's own clock zone never matters: never call getFullYear()/getDate() on "now".

// Calendar days. A day is handled as its day number (days since 1970-01-01) computed in UTC, which
// is only arithmetic on the calendar: the string already is the China-time day.

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function tryDayNumber(date: string): number | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const at = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over into March and reads years 0-99 as 1900+: the round trip refuses both.
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return at.getTime() / DAY_MS;
}

/** Whether `date` is a real calendar day written 'YYYY-MM-DD'. */
export function isCalendarDate(date: string): boolean {
  return tryDayNumber(date) !== null;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' day; throws on anything else (callers validate input first). */
export function dayNumber(date: string): number {
  const n = tryDayNumber(date);
  if (n === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return n;
}

/** The 'YYYY-MM-DD' day of a day number. */
export function dateOfDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Gregorian: every fourth year, except centuries not divisible by 400 (2000 leap, 1900 not). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Days in a month, `month` 1-12. */
export function daysInMonth(year: number, month: number): number {
  checkMonth(month);
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not a year: ${year}`);
}

export function checkMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Not a month (1-12): ${month}`);
}

// China time

// Made once: a DateTimeFormat costs a fraction of a millisecond to build, and the roster import asks for the
// China day of every ID number's check (two a row, 100,000 rows).
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const CHINA_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' });

/** The China calendar day ('YYYY-MM-DD') of an instant: attendance days are China days wherever the server runs. */
export function chinaDate(at: Date): string {
  return CHINA_DAY.format(at);
}

const CHINA_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the app shows it everywhere: 'YYYY-MM-DD HH:mm' in China time (with `:ss` where seconds matter). */
export function chinaMoment(at: Date, seconds = false): string {
  const clock = CHINA_CLOCK.format(at);
  return `${chinaDate(at)} ${seconds ? clock : clock.slice(0, 5)}`;
}

/** The China clock hour (0-23) of an instant. */
export function chinaHour(at: Date): number {
  return Number(CHINA_HOUR.format(at));
}

/** Today's China calendar day. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDate(now);
}

/** The China calendar year of an instant: differs from the server clock's year from 00:00 to 08:00 on 1 January. */
export function chinaYear(now: Date = new Date()): number {
  return Number(chinaDate(now).slice(0, 4));
}

// DATE columns arrive as UTC-midnight Dates.

/** The 'YYYY-MM-DD' of a DATE column value. */
export function isoDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** The DATE column value of a 'YYYY-MM-DD' day. */
export function dayOf(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}
