import type { Client } from 'pg';
import { sampleWaits } from './db-waits';
import { runLoad } from './load';
import { backendCpu, backendCpuDelta, cpuMs, waitUntilIdle } from './proc-stats';
import type { RunFigures } from './report';
import type { RunningServer } from './servers';
import type { HttpRequest } from './shapes';

export interface RunOptions {
  server: RunningServer;
  monitor: Client;
  /** A second connection, for the wait sampler that runs during the load. */
  waitsMonitor: Client;
  database: string;
  round: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  headers: Record<string, string>;
  build: (i: number) => HttpRequest;
  next: () => number;
}

/**
 * One measured run of one shape on one server: warm-up, wait for the server to be idle, then the
 * measured load. CPU (the server's and its PostgreSQL backends') is read from the idle start to
 * the idle end, so it covers every request the server worked on in between: the answers the load
 * generator counted, plus the requests still in flight when it stopped (one per connection in a
 * closed loop), which the server finishes for nobody. Without that, a shape slower than the run
 * would be charged nothing, and the next run would pay for its backlog.
 */
export async function measureRun(o: RunOptions): Promise<RunFigures & { drainMs: number }> {
  const load = (seconds: number) =>
    runLoad({ base: o.server.base, connections: o.connections, seconds, headers: o.headers, build: o.build, next: o.next });
  await load(o.warmupSeconds);
  await waitUntilIdle(o.server.pid);
  const cpu0 = cpuMs(o.server.pid);
  const db0 = await backendCpu(o.monitor, o.database);
  const waits = sampleWaits(o.waitsMonitor, o.database);
  const result = await load(o.seconds);
  const dbWaits = await waits.stop();
  const drainMs = await waitUntilIdle(o.server.pid);
  const cpu1 = cpuMs(o.server.pid);
  const db1 = await backendCpu(o.monitor, o.database);
  if (cpu0 === undefined || cpu1 === undefined) throw new Error(`${o.server.name} exited during a run`);
  return {
    round: o.round,
    load: result,
    served: result.ok + result.non2xx + o.connections,
    cpuMs: cpu1 - cpu0,
    dbCpuMs: backendCpuDelta(db0, db1),
    dbWaits,
    drainMs,
  };
}
