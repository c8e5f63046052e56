import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { config } from '../config';
import { openDatabase } from '../db';
import { DataDirLockedError } from '../data-dir-lock';
import { backupDatabase } from '../ops/backup';
import { verifyBackup, writeBackupFile, type BackupSummary } from '../ops/backup-format';
import { backupThroughServer } from '../ops/backup-socket';

// `npm run backup -- <file>`: a consistent backup of the whole database, while the server runs.
//   PostgreSQL (DATABASE_URL): read here, in one read-only snapshot, beside the running servers.
//   Embedded (DATA_DIR): the running server writes it through its backup socket; with the server
//   stopped, this command opens the data directory itself.
// The file is written beside its name, checked, and only then put in place.
// `npm run backup -- --verify <file>` reads a backup and checks it without restoring anything.

const USAGE = '用法 / usage: npm run backup -- <file>   |   npm run backup -- --verify <file>';

function describe(summary: BackupSummary): string {
  const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  const { header } = summary;
  return [
    `迁移点 / migration: ${header.migration.tag}`,
    `写于 / written: ${header.createdAt} (${header.source})`,
    `表 / tables: ${Object.keys(summary.rows).length}, 行 / rows: ${total}`,
    ...Object.entries(summary.rows).map(([t, n]) => `  ${t}: ${n}`),
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verify = args.includes('--verify');
  const files = args.filter((a) => a !== '--verify');
  if (files.length !== 1 || files[0].startsWith('-')) throw new Error(USAGE);
  const file = path.resolve(files[0]);
  if (verify) {
    const summary = await verifyBackup(file);
    console.log(`备份完好 / The backup is sound: ${file}\n${describe(summary)}`);
    return;
  }
  const partial = `${file}.partial`;
  try {
    if (config.databaseUrl) {
      const database = await openDatabase({ url: config.databaseUrl });
      try {
        await backupDatabase(database, writeBackupFile(partial));
      } finally {
        await database.close();
      }
    } else {
      if (!existsSync(path.join(config.dataDir, 'PG_VERSION'))) {
        throw new Error(`${config.dataDir} 中没有数据库 / There is no database in ${config.dataDir}`);
      }
      try {
        const database = await openDatabase({ dataDir: config.dataDir });
        try {
          await backupDatabase(database, writeBackupFile(partial));
        } finally {
          await database.close();
        }
      } catch (error) {
        if (!(error instanceof DataDirLockedError)) throw error;
        // The server runs: it takes the backup in its own process.
        await backupThroughServer(config.dataDir, partial);
      }
    }
    const summary = await verifyBackup(partial);
    renameSync(partial, file);
    console.log(`已写入备份 / Backup written: ${file}\n${describe(summary)}`);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
