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

/** The formatter of `today`, per zone: making one costs more than formatting, and every kept read asks for today (compiled-key.ts). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today in the server's configured zone (Asia/Shanghai unless TZ says otherwise), YYYY-MM-DD. */
export function today(): string {
  const zone = timeZone();
  let format = dayFormats.get(zone);
  if (!format) dayFormats.set(zone, (format = new Intl.DateTimeFormat('en-CA', { timeZone: zone })));
  return format.format(new Date());
}

/** An instant as the wall clock of the configured zone reads it: `2026-12-01 03:49:05`. */
export function localDateTime(instant: Date | string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone(),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
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
