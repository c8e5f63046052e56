import { chmodSync, createWriteStream, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Database } from '../db';
import { backupDatabase } from './backup';
import { BackupError, BackupWriter } from './backup-format';

// The embedded database belongs to the one process that holds its data directory (data-dir-lock.ts):
// `npm run backup` cannot open it while the server runs. So the running server takes the backup
// itself, in one transaction of its own connection, and hands the file over a Unix socket in the
// data directory, which only the directory's owner may open. The socket answers one request,
// `backup`, and never reads or changes anything else.

export const BACKUP_SOCKET = 'backup.sock';

export const backupSocketPath = (dataDir: string) => path.join(dataDir, BACKUP_SOCKET);

export interface BackupService {
  close(): Promise<void>;
}

export async function serveBackups(database: Database, dataDir: string): Promise<BackupService | undefined> {
  const socketPath = backupSocketPath(dataDir);
  // The directory is ours (we hold its lock): a socket file there was left by a process that died.
  rmSync(socketPath, { force: true });
  const running = new Set<Promise<unknown>>();
  const server = net.createServer((connection) => {
    connection.once('data', (chunk) => {
      if (chunk.toString().trim() !== 'backup') {
        connection.destroy();
        return;
      }
      const started = Date.now();
      const job = backupDatabase(database, new BackupWriter(connection)).then(
        (rows) => console.log(`[backup] wrote a backup of ${Object.values(rows).reduce((a, b) => a + b, 0)} rows in ${Date.now() - started} ms`),
        (error: Error) => {
          console.error(`[backup] failed: ${error.message}`);
          connection.destroy();
        },
      );
      running.add(job);
      void job.finally(() => running.delete(job));
    });
    connection.on('error', () => connection.destroy());
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
    chmodSync(socketPath, 0o600);
  } catch (error) {
    // A path too long for a socket, a read-only directory: the backup is then taken with the server stopped.
    console.warn(`[backup] no backup socket at ${socketPath} (${(error as Error).message}); back up with the server stopped.`);
    server.close();
    return undefined;
  }
  return {
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // A backup under way finishes before the database closes.
      await Promise.allSettled([...running]);
      rmSync(socketPath, { force: true });
    },
  };
}

/** Asks the server that holds the data directory for a backup and writes it to `file`. */
export async function backupThroughServer(dataDir: string, file: string): Promise<void> {
  const socketPath = backupSocketPath(dataDir);
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file, { mode: 0o600 });
    const connection = net.createConnection(socketPath);
    connection.once('connect', () => connection.write('backup\n'));
    connection.once('error', (error: NodeJS.ErrnoException) => {
      out.destroy();
      reject(
        error.code === 'ENOENT' || error.code === 'ECONNREFUSED'
          ? new BackupError(
              `运行中的服务器没有提供备份接口（${socketPath}）：请停止服务器后再备份。`,
              `The running server offers no backup socket (${socketPath}): stop the server, then back up.`,
            )
          : error,
      );
    });
    connection.pipe(out);
    // A server that gave up mid-way closes without ending the stream: the file is closed as it is,
    // and the check that follows finds it incomplete.
    connection.once('close', () => {
      if (!out.writableEnded) out.end();
    });
    out.once('finish', resolve);
    out.once('error', reject);
  });
}
