// What reaches the server log about a failure: enough to find the fault (the error's kind, code,
// message and where it was thrown), never the values a request carried. A failed query's
// parameters can hold the names and numbers a user searched for, and data exceptions quote the
// offending value, so both are left out.

type Failure = { name?: unknown; message?: unknown; code?: unknown; stack?: unknown; cause?: unknown };

/** A message without the bound parameters drizzle appends, and without quoted values of data errors. */
function scrub(message: string, code: unknown): string {
  let out = message.replace(/\nparams: [\s\S]*$/, '\nparams: (not logged)');
  // SQLSTATE classes 22 (data exception) and 23 (integrity) quote the value they refused.
  if (typeof code === 'string' && /^2[23]/.test(code)) out = out.replace(/"[^"]*"|'[^']*'/g, '‹value›');
  return out;
}

/** One failure and its causes, as log lines. */
export function describeFailure(error: unknown): string {
  const lines: string[] = [];
  let e = error as Failure | undefined;
  for (let depth = 0; e && depth < 5; e = e.cause as Failure | undefined, depth++) {
    if (typeof e !== 'object') {
      lines.push(String(e));
      break;
    }
    const name = typeof e.name === 'string' ? e.name : 'Error';
    const message = scrub(typeof e.message === 'string' ? e.message : String(e), e.code);
    lines.push(`${depth ? 'caused by ' : ''}${name}${typeof e.code === 'string' ? ` [${e.code}]` : ''}: ${message}`);
    // The stack's frames only: its first lines repeat the (unscrubbed) message.
    const frames = typeof e.stack === 'string' ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)) : [];
    lines.push(...frames.slice(0, 12));
  }
  return lines.join('\n');
}

export function logFailure(where: string, error: unknown): void {
  console.error(`[${where}] ${describeFailure(error)}`);
}
