import { config } from './config';
import { openDatabase } from './db';
import { seedIfEmpty } from './seed/seed';
import { startServer } from './server';

// The only file that listens. Everything it starts, it stops on SIGTERM/SIGINT, database last, so
// the embedded database is never left half-written.
async function main(): Promise<void> {
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  await database.migrate();
  if (config.seed !== 'none') {
    const seeded = await seedIfEmpty(database.db);
    if (seeded) console.log('Seeded the demo county (镇平县) into the empty database.');
  }
  const server = await startServer({ database, port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  console.log(`GraphQL API at ${server.url} (${where}); admin at http://localhost:${server.port}/`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    try {
      await server.stop();
      await database.close();
      process.exit(0);
    } catch (error) {
      console.error('Error while stopping', error);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
