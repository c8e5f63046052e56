import path from 'node:path';
import { config } from '../config';
import { openDatabase } from '../db';
import { restoreDatabase } from '../ops/restore';

// `npm run restore -- [--force] <file>`: a backup into the database of DATABASE_URL, or into the
// embedded database of DATA_DIR (a new directory is made). Stop the servers first. The database must
// be empty; `--force` empties it first. Everything goes in in one transaction and is compared with
// the backup before it commits; the server applies any later migrations when it next starts.

const USAGE = '用法 / usage: npm run restore -- [--force] <file>';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  if (files.length !== 1 || files[0].startsWith('-')) throw new Error(USAGE);
  const file = path.resolve(files[0]);
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    const result = await restoreDatabase(database, file, { force });
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    const where = config.databaseUrl ? 'PostgreSQL' : config.dataDir;
    console.log(
      `已恢复 / Restored: ${total} 行 / rows into ${where}, 迁移点 / at migration ${result.header.migration.tag}` +
        ` (备份写于 / backup written ${result.header.createdAt}).\n` +
        '启动服务器时会应用之后的迁移 / Starting the server applies any later migrations.',
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
