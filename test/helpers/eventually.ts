/**
 * Retries `check` until it passes, for at most `ms`: a change made outside this server (another
 * instance, the command line, a statement of the test's own) reaches it as a notice a moment after
 * the commit (PostgreSQL's LISTEN/NOTIFY), so what it serves from memory changes a moment later.
 */
export async function eventually(check: () => Promise<void>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
