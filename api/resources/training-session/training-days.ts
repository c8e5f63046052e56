import { sql, type SQL } from 'drizzle-orm';
import { trainingAttendances, trainingSessions } from '../../../drizzle/schema';

// How many days a session gives and a person attended, written once for the rules that bound them
// and the yearly sums that count them.

/** Calendar days from `start` to `end`, both included (YYYY-MM-DD). */
export function calendarDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The days a session gives: its own figure, else its calendar days. */
export function sessionDays(days: number | null, startsOn: string, endsOn: string | null): number {
  return days ?? calendarDays(startsOn, endsOn ?? startsOn);
}

/** The same in SQL, over a join of attendance and session: what one attendance counts. */
export const attendedDaysSql: SQL<number> = sql<number>`coalesce(${trainingAttendances.daysAttended}, ${trainingSessions.days},
  (coalesce(${trainingSessions.endsOn}, ${trainingSessions.startsOn}) - ${trainingSessions.startsOn} + 1)::float8)`;
