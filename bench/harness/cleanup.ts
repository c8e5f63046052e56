// Whatever the bench starts (servers, proxies, the database) is undone here, in reverse order,
// whether the run ends normally, throws, or is interrupted with Ctrl-C / SIGTERM. A second signal
// during cleanup kills the children outright and exits.

type Step = { label: string; run: () => Promise<void> | void };

const steps: Step[] = [];
const processGroups = new Set<number>();
let running: Promise<void> | undefined;

/** Registers an undo step; returns a function that runs it early (and only once). */
export function onCleanup(label: string, run: () => Promise<void> | void): () => Promise<void> {
  const step: Step = { label, run };
  steps.push(step);
  return async () => {
    const i = steps.indexOf(step);
    if (i < 0) return;
    steps.splice(i, 1);
    await run();
  };
}

/** A child started in its own process group, so it and anything it spawns can be killed together. */
export function trackProcessGroup(pid: number): () => void {
  processGroups.add(pid);
  return () => processGroups.delete(pid);
}

function killGroupsNow(): void {
  for (const pid of processGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export function cleanupAll(): Promise<void> {
  running ??= (async () => {
    while (steps.length) {
      const step = steps.pop()!;
      try {
        await step.run();
      } catch (error) {
        console.error(`cleanup: ${step.label} failed: ${(error as Error).message}`);
      }
    }
  })();
  return running;
}

/** Installs the signal handlers; `main` runs, then cleanup, then the process exits with its status. */
export function runWithCleanup(main: () => Promise<void>): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      console.error(`${signal} again: killing the servers and exiting without waiting.`);
      killGroupsNow();
      process.exit(130);
    }
    signalled = true;
    console.error(`\n${signal}: stopping the servers and dropping the bench database…`);
    void cleanupAll().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Last resort if something exits the process without going through cleanup (children only:
  // nothing asynchronous can run here).
  process.on('exit', killGroupsNow);
  main()
    .then(
      () => cleanupAll().then(() => process.exit(signalled ? 130 : 0)),
      (error) => {
        // After a signal, main fails because its servers were stopped under it: not news.
        if (!signalled) console.error(error instanceof Error ? (error.stack ?? error.message) : error);
        return cleanupAll().then(() => process.exit(signalled ? 130 : 1));
      },
    )
    .catch(() => process.exit(1));
}
