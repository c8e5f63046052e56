import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WaitProfile } from './db-waits';
import type { LoadResult } from './load';
import { SERVER_NAMES, type ServerName } from './servers';
import type { ShapeName } from './shapes';

// From the raw runs to the figures: medians over rounds for rates and latencies (one slow round
// on a shared machine should not decide), sums for CPU per request (total CPU ÷ total answers).

export interface RunFigures {
  round: number;
  load: LoadResult;
  /** Requests the server worked on: the answers counted, plus those in flight when the load stopped. */
  served: number;
  /** CPU of the server process from the idle start of the run to the idle end. */
  cpuMs: number;
  /** CPU of the PostgreSQL backends of the bench database over the same span. */
  dbCpuMs: number;
  /** What the database's busy backends were doing meanwhile. */
  dbWaits: WaitProfile;
}

export interface StatementCount {
  perRequest: number;
  transactionControlPerRequest: number;
  /** The statements one request runs, most frequent first. */
  texts: { perRequest: number; sql: string }[];
}

export interface Cell {
  runs: RunFigures[];
  statements?: StatementCount;
}

export type Measurements = Partial<Record<ShapeName, Partial<Record<ServerName, Cell>>>>;

const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number, digits = 2) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

export function summarize(cell: Cell) {
  const runs = cell.runs;
  const ok = runs.reduce((n, r) => n + r.load.ok, 0);
  const served = runs.reduce((n, r) => n + r.served, 0);
  const rps = runs.map((r) => r.load.requestsPerSecond);
  return {
    requestsPerSecond: round(median(rps), 1),
    requestsPerSecondRuns: rps.map((x) => round(x, 1)),
    p50Ms: round(median(runs.map((r) => r.load.latencyMs.p50)), 1),
    p99Ms: round(median(runs.map((r) => r.load.latencyMs.p99)), 1),
    p99MsWorstRound: round(Math.max(...runs.map((r) => r.load.latencyMs.p99)), 1),
    cpuMsPerRequest: round(runs.reduce((n, r) => n + r.cpuMs, 0) / served, 3),
    dbCpuMsPerRequest: round(runs.reduce((n, r) => n + r.dbCpuMs, 0) / served, 3),
    statementsPerRequest: cell.statements ? round(cell.statements.perRequest, 2) : null,
    transactionControlPerRequest: cell.statements ? round(cell.statements.transactionControlPerRequest, 2) : null,
    bytesPerResponse: round(median(runs.map((r) => r.load.bytesPerResponse)), 0),
    dbActiveBackends: round(median(runs.map((r) => r.dbWaits.activeBackends)), 1),
    /** Share of busy-backend samples spent waiting on a lock (rows, transactions), median over rounds. */
    dbLockWaitShare: round(median(runs.map((r) => Object.entries(r.dbWaits.shares).reduce((n, [k, v]) => n + (k.startsWith('Lock:') ? v : 0), 0))), 2),
    requests: ok,
    non2xx: runs.reduce((n, r) => n + r.load.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.load.errors, 0),
    timeouts: runs.reduce((n, r) => n + r.load.timeouts, 0),
  };
}

export type Summary = ReturnType<typeof summarize>;

/**
 * ours ÷ peer requests/s, taken round by round (the two ran within a minute of each other, under
 * the same background load) and then the median over rounds, with the spread.
 */
export function ratios(cells: Partial<Record<ServerName, Cell>>) {
  const of = (peer: ServerName) => {
    const ours = cells.ours?.runs ?? [];
    const theirs = cells[peer]?.runs ?? [];
    const perRound = ours
      .map((r) => {
        const p = theirs.find((t) => t.round === r.round);
        return p && p.load.requestsPerSecond > 0 ? r.load.requestsPerSecond / p.load.requestsPerSecond : NaN;
      })
      .filter(Number.isFinite);
    return { median: round(median(perRound), 3), min: round(Math.min(...perRound), 3), max: round(Math.max(...perRound), 3) };
  };
  const pg = of('postgraphile');
  const raw = of('raw');
  return { vsPostgraphile: pg.median, vsRaw: raw.median, vsPostgraphileRange: [pg.min, pg.max], vsRawRange: [raw.min, raw.max] };
}

const pad = (s: unknown, n: number, right = false) => {
  const t = s === null || s === undefined ? '–' : String(s);
  return right ? t.padEnd(n) : t.padStart(n);
};

export function printTable(
  shapes: { name: ShapeName; title: string; note?: string }[],
  measurements: Measurements,
  summaries: Partial<Record<ShapeName, Partial<Record<ServerName, Summary>>>>,
  peakRss: Partial<Record<ServerName, number | null>>,
): string {
  const lines: string[] = [];
  const head = `${pad('shape', 9, true)} ${pad('server', 13, true)} ${pad('req/s', 8)} ${pad('(min–max)', 15)} ${pad('p50 ms', 8)} ${pad('p99 ms', 8)} ${pad('CPU ms/req', 10)} ${pad('DB CPU', 8)} ${pad('SQL/req', 8)} ${pad('lock%', 6)} ${pad('bytes', 8)} ${pad('fail', 5)}`;
  lines.push(head, '-'.repeat(head.length));
  for (const shape of shapes) {
    for (const server of SERVER_NAMES) {
      const s = summaries[shape.name]?.[server];
      if (!s) continue;
      const runs = s.requestsPerSecondRuns.filter((x): x is number => x !== null);
      const range = runs.length > 1 ? `${Math.min(...runs).toFixed(0)}–${Math.max(...runs).toFixed(0)}` : '';
      const fail = s.non2xx + s.errors;
      lines.push(
        `${pad(shape.name, 9, true)} ${pad(server, 13, true)} ${pad(s.requestsPerSecond, 8)} ${pad(range, 15)} ${pad(s.p50Ms, 8)} ${pad(s.p99Ms, 8)} ${pad(s.cpuMsPerRequest, 10)} ${pad(s.dbCpuMsPerRequest, 8)} ${pad(s.statementsPerRequest, 8)} ${pad(s.dbLockWaitShare === null ? null : Math.round(s.dbLockWaitShare * 100), 6)} ${pad(s.bytesPerResponse, 8)} ${pad(fail, 5)}`,
      );
    }
  }
  lines.push('', `${pad('shape', 9, true)} ${pad('ours/PostGraphile', 18)} ${pad('(rounds)', 14)} ${pad('ours/raw', 10)} ${pad('(rounds)', 14)}`);
  for (const shape of shapes) {
    const r = ratios(measurements[shape.name] ?? {});
    lines.push(
      `${pad(shape.name, 9, true)} ${pad(r.vsPostgraphile, 18)} ${pad(r.vsPostgraphileRange.join('–'), 14)} ${pad(r.vsRaw, 10)} ${pad(r.vsRawRange.join('–'), 14)}`,
    );
  }
  lines.push('', `peak RSS (MiB): ${SERVER_NAMES.map((s) => `${s} ${peakRss[s] === null || peakRss[s] === undefined ? '–' : peakRss[s]!.toFixed(0)}`).join(', ')}`);
  for (const shape of shapes) if (shape.note) lines.push(`note (${shape.name}): ${shape.note}`);
  const text = lines.join('\n');
  console.log(`\n${text}\n`);
  return text;
}

/** bench/results/<date>[-label].json; a second run the same day gets -2, -3 … rather than overwriting. */
export function writeResults(dir: string, date: Date, label: string | undefined, content: unknown): string {
  mkdirSync(dir, { recursive: true });
  const stem = `${date.toISOString().slice(0, 10)}${label ? `-${label.replace(/[^\w.-]+/g, '-')}` : ''}`;
  let file = path.join(dir, `${stem}.json`);
  for (let n = 2; existsSync(file); n++) file = path.join(dir, `${stem}-${n}.json`);
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  return file;
}
