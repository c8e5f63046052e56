import './production-mode';
import { config } from './config';
import { openDatabase, type Database } from './db';
import { DataDirLockedError } from './data-dir-lock';
import { seedIfEmpty } from './seed/seed';
import { startServer, type RunningServer } from './server';
import { serveBackups, type BackupService } from './ops/backup-socket';
import { checkCommand, connectionProblem, exitOnConfigurationProblems } from './config-check';

// The only file that listens, and the one owner of the stop signals. On SIGTERM/SIGINT it stops
// taking requests, answers those in flight, then closes the database, and exits 0; the embedded
// database is never left half-written. A stop that cannot finish within STOP_TIMEOUT_MS exits 1.

const STOP_TIMEOUT_MS = Number(process.env.STOP_TIMEOUT_MS ?? 30_000);

let database: Database | undefined;
let server: RunningServer | undefined;
let backups: BackupService | undefined;
let stopping = false;
let startup: Promise<void> = Promise.resolve();

async function stop(signal: string): Promise<void> {
  if (stopping) {
    console.log(`${signal}: already stopping, waiting for requests in flight…`);
    return;
  }
  stopping = true;
  console.log(`${signal}: stopping…`);
  // The last resort when something hangs; unref'd so it never keeps a finished process alive.
  setTimeout(() => {
    console.error(`Could not stop within ${STOP_TIMEOUT_MS} ms; exiting.`);
    process.exit(1);
  }, STOP_TIMEOUT_MS).unref();
  try {
    // Start-up (migrations, seeding) finishes first: its transactions must not be cut.
    await startup.catch(() => {});
    await server?.stop();
    await backups?.close();
    await database?.close();
    console.log('Stopped.');
    process.exit(0);
  } catch (error) {
    console.error('Error while stopping', error);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  await database.migrate();
  if (config.seed !== 'none') {
    const seeded = await seedIfEmpty(database.db);
    if (seeded) console.log('Seeded the demo county (镇平县) into the empty database.');
  }
  if (stopping) return;
  server = await startServer({ database, port: config.port, host: config.host });
  // The embedded database is this process's alone: `npm run backup` asks it for the backup.
  if (!config.databaseUrl) backups = await serveBackups(database, config.dataDir);
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  console.log(`GraphQL API at ${server.url} (${where}); admin at http://localhost:${server.port}/`);
}

if (process.argv.includes('--check')) {
  // `npm start -- --check`: the effective configuration and whether the database answers; no start.
  void checkCommand().then((code) => process.exit(code));
} else {
  // An unknown or malformed setting stops the start here, named, before anything is opened.
  exitOnConfigurationProblems();
  // Registered before start-up: a signal during migrations or seeding still closes the database.
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  startup = main();
  startup.catch(async (error) => {
    const unreachable = config.databaseUrl ? connectionProblem(error, config.databaseUrl) : undefined;
    console.error(error instanceof DataDirLockedError ? error.message : (unreachable ?? error));
    await database?.close().catch(() => {});
    process.exit(1);
  });
}
