/** The calendar day before a YYYY-MM-DD day, as YYYY-MM-DD. */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The configured zone that decides what "today" is: TZ, or Asia/Shanghai. Clients ask for it (`timeZone`). */
export function timeZone(): string {
  return process.env.TZ || 'Asia/Shanghai';
}

/**
 * Formatters by zone: building an Intl.DateTimeFormat costs far more than formatting with it, and
 * `today()` runs on every read (its key of kept statements), `localDateTime` on every exported row.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'day' | 'wallClock', zone: string): Intl.DateTimeFormat {
  const key = `${kind}|${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      kind === 'day'
        ? new Intl.DateTimeFormat('en-CA', { timeZone: zone })
        : new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(key, f);
  }
  return f;
}

/**
 * The last day answered, by zone and UTC minute: a zone's midnight falls on a whole minute (every
 * zone in use today is offset by whole minutes), so within one minute the day cannot change.
 */
let lastDay: { key: string; day: string } | undefined;

/** Today in the server's configured zone (Asia/Shanghai unless TZ says otherwise), YYYY-MM-DD. */
export function today(): string {
  const zone = timeZone();
  const now = Date.now();
  const key = `${zone}|${Math.floor(now / 60_000)}`;
  if (lastDay?.key !== key) lastDay = { key, day: formatter('day', zone).format(now) };
  return lastDay.day;
}

/** An instant as the wall clock of the configured zone reads it: `2026-12-01 03:49:05`. */
export function localDateTime(instant: Date | string): string {
  const parts = Object.fromEntries(
    formatter('wallClock', timeZone())
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The first day of the half-year (1 January or 1 July) a YYYY-MM-DD day falls in. */
export function halfYearStart(day: string): string {
  return `${day.slice(0, 4)}-${day.slice(5, 7) < '07' ? '01' : '07'}-01`;
}

/** A YYYY-MM-DD day plus some calendar days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
