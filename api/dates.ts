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

/** Today in the server's configured zone (Asia/Shanghai unless TZ says otherwise), YYYY-MM-DD. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone() }).format(new Date());
}
