import { readFileSync } from 'node:fs';
import type { Client } from 'pg';

// Process figures from /proc (Linux): CPU time of a server process (all its threads: the event
// loop, libuv's pool, the garbage collector) and its peak resident memory.

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux kernel configuration in use

/** utime + stime of a process, in milliseconds; undefined once it has gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; fields after it are split from its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Peak resident set size (VmHWM) in MiB. */
export function peakRssMiB(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Current resident set size (VmRSS) in MiB. */
export function rssMiB(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU of the PostgreSQL backends serving the bench database (all servers' connections; during a
 * measured run only one server is busy). PostgreSQL runs on this machine, so its backends'
 * /proc entries are readable. A backend that exits during a run takes its time with it, so this
 * is a lower bound; pools keep their connections while loaded, so in practice it is complete.
 */
export async function backendCpu(client: Client, database: string): Promise<Map<number, number>> {
  const { rows } = await client.query(
    `select pid from pg_stat_activity where datname = $1 and backend_type = 'client backend' and pid <> pg_backend_pid()`,
    [database],
  );
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = cpuMs(pid);
    if (ms !== undefined) out.set(pid, ms);
  }
  return out;
}

export function backendCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/**
 * Waits until a process is idle (under 10 % of one core over 0.3 s), at most `maxMs`.
 * A load run ends with requests still being worked on by the server (the client gave up on
 * them): the next run must not start while the previous one's backlog still takes the CPU.
 * Returns the milliseconds waited.
 */
export async function waitUntilIdle(pid: number, maxMs = 60_000): Promise<number> {
  const start = performance.now();
  const intervalMs = 300;
  for (;;) {
    const before = cpuMs(pid);
    await new Promise((r) => setTimeout(r, intervalMs));
    const after = cpuMs(pid);
    if (before === undefined || after === undefined) return performance.now() - start;
    if (after - before < intervalMs * 0.1 || performance.now() - start > maxMs) return performance.now() - start;
  }
}
