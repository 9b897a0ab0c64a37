// China time and calendar days: the one place that turns an instant into a China day or year, and does
// arithmetic on 'YYYY-MM-DD' days. Every domain stands on this; it imports nothing of the app.
// A server's own clock zone never matters: never call getFullYear()/getDate() on "now".

// Calendar days. A day is handled as its day number (days since 1970-01-01) computed in UTC, which
// is only arithmetic on the calendar: the string already is the China-time day.

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function tryDayNumber(date: string): number | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Years before 100 are refused, as ever (Date.UTC, used here before, read them as 1900+).
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return civilDayNumber(year, month, day);
}

// Day numbers by arithmetic on the Gregorian calendar (H. Hinnant's days_from_civil / civil_from_days), not
// through Date: the compliance table and the figures' refresh turn tens of thousands of days per request, and
// under Next every Date is made through its clock-watching wrapper.

function civilDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
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
  const z = Math.floor(n) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Gregorian: every fourth year, except centuries not divisible by 400 (2000 leap, 1900 not). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Days in a month, `month` 1-12. */
export function daysInMonth(year: number, month: number): number {
  checkMonth(month);
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : MONTH_DAYS[month - 1];
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
