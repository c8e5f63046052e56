// "Today" is the day in the zone the server is configured with (TZ, Asia/Shanghai by default), not
// the UTC day and not the browser's: at 01:49 in Beijing it is already tomorrow in UTC terms, and a
// laptop set to another zone must not move the county's days. The zone comes with the permissions
// after sign-in (auth-provider.ts) and is kept with them.

const KEY = 'township.timeZone';
const DEFAULT_ZONE = 'Asia/Shanghai';

let zone: string = (typeof localStorage !== 'undefined' && localStorage.getItem(KEY)) || DEFAULT_ZONE;

export function setTimeZone(value: string): void {
  zone = value || DEFAULT_ZONE;
  localStorage.setItem(KEY, zone);
}

export const timeZone = (): string => zone;

/** The calendar day of an instant in the configured zone, YYYY-MM-DD. */
export function dayOf(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export const today = (): string => dayOf(new Date());

export const currentYear = (): number => Number(today().slice(0, 4));

/** The day `n` days after a YYYY-MM-DD day (calendar arithmetic, no zone involved). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)]),
  );
  // setUTCFullYear: Date.UTC reads years 0–99 as 1900–1999.
  const wall = new Date(Date.UTC(2000, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
  wall.setUTCFullYear(parts.year);
  const asUtc = wall.getTime();
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a wall-clock time (YYYY-MM-DDTHH:mm[:ss]) reads in the configured zone. */
function instantInZone(wallClock: string): Date {
  const naive = new Date(`${wallClock}Z`);
  const first = new Date(naive.getTime() - offsetMinutes(naive) * 60_000);
  // Once more, in case a change of offset (summer time) lies between the two.
  return new Date(naive.getTime() - offsetMinutes(first) * 60_000);
}

/** The last second of a day in the configured zone, as an instant (an expiry "until that day"). */
export function endOfDay(day: string): Date {
  return instantInZone(`${day}T23:59:59`);
}

/** YYYY-MM-DDTHH:mm, with seconds where the input keeps them. */
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * What a date-and-time input shows for an instant: its wall-clock time in the configured zone,
 * YYYY-MM-DDTHH:mm (the form of <input type="datetime-local">), as every date and time is shown.
 */
export function wallClockOf(value: string | Date | null | undefined): string {
  if (value == null || value === '') return '';
  if (typeof value === 'string' && WALL_CLOCK.test(value)) return value;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return '';
  const shifted = new Date(instant.getTime() + offsetMinutes(instant) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/**
 * The instant a date-and-time input means, as the API takes it (ISO 8601 with its zone): the
 * input's YYYY-MM-DDTHH:mm has no zone, and the API refuses a time without one.
 */
export function instantOfWallClock(value: string | null | undefined): string | null {
  if (!value) return null;
  if (!WALL_CLOCK.test(value)) return value;
  return instantInZone(value).toISOString();
}

/** A date and time shown in the configured zone. */
export function formatDateTime(value: string | Date, locale = 'zh-CN'): string {
  return new Date(value).toLocaleString(locale, { timeZone: zone });
}

/** A complete, real calendar day between 1900 and 2199, as a date input may hold while being typed (0002-03-10). */
export function isCompleteDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || +m[1] < 1900 || +m[1] > 2199) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
