import { config } from '../config';
import { openDatabase } from '../db';
import { seedDemo } from '../seed/seed';

// `npm run seed`: applies migrations and seeds the demo county; safe to run again. The embedded
// database is single-process, so stop `npm start` first when using it.
async function main(): Promise<void> {
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await database.migrate();
    await seedDemo(database.db);
    console.log('Demo data is in place.');
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
