import type http from 'node:http';
import type { NextFunction, Request, Response } from 'express';

// Stopping without cutting anyone off. Once asked to stop, the server takes no new connections,
// lets every request already received finish and sends its answer (a write that committed is
// acknowledged), tells keep-alive clients to reconnect elsewhere (`Connection: close`), and only
// then closes. Node's own close() keeps busy keep-alive sockets open and would, after a grace
// period, have to destroy them mid-request: that is how committed writes went unacknowledged.

export interface Drain {
  /** Express middleware that counts requests in flight; mount it first. */
  track(req: Request, res: Response, next: NextFunction): void;
  /** True once stop has begun (the health check answers 503 so balancers move away). */
  readonly stopping: boolean;
  /** Stops accepting and resolves when every request in flight has been answered (or the grace ran out). */
  stop(graceMs: number): Promise<void>;
}

export function createDrain(server: http.Server): Drain {
  let stopping = false;
  const busy = new Set<Response>();
  let idle: (() => void) | undefined;

  const settle = () => {
    if (!stopping) return;
    // Sockets whose answer went out before stop began are idle keep-alives now: close them.
    server.closeIdleConnections();
    if (!busy.size) idle?.();
  };

  return {
    get stopping() {
      return stopping;
    },
    track(_req, res, next) {
      if (stopping) res.setHeader('Connection', 'close');
      busy.add(res);
      res.once('close', () => {
        busy.delete(res);
        setImmediate(settle);
      });
      next();
    },
    async stop(graceMs) {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = new Promise<void>((resolve) => (idle = resolve));
      settle();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
      if ((await Promise.race([drained, late])) === 'late') {
        console.warn(`[http] ${busy.size} request(s) still running after ${graceMs} ms; closing their connections`);
      }
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
    },
  };
}
