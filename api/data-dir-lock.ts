import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

// The embedded database is one PostgreSQL backend inside this process: a second process opening the
// same directory would work on its own copy in memory, and one side's acknowledged writes would be
// gone after a restart. So the directory is held by one process at a time, through a lock file
// naming its holder. A lock left by a process that no longer runs (kill -9, power loss) is taken over.

const LOCK_FILE = 'township.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正由进程 ${holderPid} 使用；内嵌数据库只能由一个进程打开，请先停止该进程。\n` +
        `The data directory ${dataDir} is in use by process ${holderPid}; the embedded database serves one process at a time: stop that process first.`,
    );
    this.name = 'DataDirLockedError';
  }
}

interface Holder {
  pid: number;
  host: string;
  /** Linux: which boot and when the process started, so a reused pid is not taken for the holder. */
  boot?: string;
  started?: string;
}

const readOr = (file: string, fallback: string | undefined) => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return fallback;
  }
};

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), where /proc exists. */
function startTimeOf(pid: number): string | undefined {
  const stat = readOr(`/proc/${pid}/stat`, undefined);
  // The command name (field 2) may hold spaces; fields after it are counted from its closing ')'.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function describeProcess(pid: number): Holder {
  return { pid, host: hostname(), boot: readOr('/proc/sys/kernel/random/boot_id', undefined), started: startTimeOf(pid) };
}

function readHolder(file: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    return Number.isInteger(holder.pid) ? holder : null;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

/** Directories this process holds (a second open from the same process is refused too). */
const heldHere = new Set<string>();

function stillHeld(holder: Holder, dir: string): boolean {
  const here = describeProcess(holder.pid);
  // A holder on another machine (a shared disk) cannot be checked from here: never taken over.
  if (holder.host !== here.host) return true;
  if (holder.pid === process.pid) return heldHere.has(dir);
  if (holder.boot && here.boot && holder.boot !== here.boot) return false; // the machine restarted since
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid runs; it is the holder unless it started at another time (the pid was reused).
  return !holder.started || !here.started || holder.started === here.started;
}

/** Takes the directory for this process; returns the release function. Throws DataDirLockedError. */
export function lockDataDir(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    // Written whole beside the lock, then linked into place: a link fails if the lock exists, so of
    // two processes starting together one wins, and nobody ever reads a half-written lock.
    const draft = `${file}.${process.pid}`;
    writeFileSync(draft, JSON.stringify(describeProcess(process.pid)), { mode: 0o600 });
    try {
      linkSync(draft, file);
      heldHere.add(dir);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(dir);
        if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(file);
      if (holder && stillHeld(holder, dir)) throw new DataDirLockedError(dir, holder.pid);
      // Stale: its process is gone. Moved aside rather than deleted, so that when another starter
      // replaced it with a fresh lock meanwhile, that lock is put back instead of lost.
      const aside = `${file}.stale.${process.pid}`;
      try {
        renameSync(file, aside);
      } catch {
        continue; // someone else moved it first: try again
      }
      const moved = readHolder(aside);
      if (moved && (!holder || moved.pid !== holder.pid || moved.started !== holder.started)) {
        try {
          linkSync(aside, file);
        } catch {
          /* a third starter holds it now; the retry finds out */
        }
      }
      rmSync(aside, { force: true });
    } finally {
      rmSync(draft, { force: true });
    }
  }
  throw new DataDirLockedError(dir, readHolder(file)?.pid ?? -1);
}
