import net from 'node:net';

// Counts the SQL statements a server sends, exactly, without pg_stat_statements (which needs
// shared_preload_libraries and a restart of a PostgreSQL that other people's tests are using).
// A TCP proxy sits between one server and PostgreSQL during the (untimed) checking pass and reads
// the frontend protocol: every simple Query message and every extended-protocol Execute is one
// statement, named prepared statements included (their text is remembered from Parse, through
// Bind's portal). Bytes are forwarded untouched. The timed pass connects servers directly.

export interface SqlCounter {
  port: number;
  /** Statements since the last reset (BEGIN/COMMIT/ROLLBACK/SAVEPOINT included). */
  statements: number;
  /** Of those, transaction control only. */
  transactionControl: number;
  /** Statement texts (whitespace collapsed, IN lists folded, cut at 240 characters) and how often each ran. */
  texts: Map<string, number>;
  reset(): void;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const TX_CONTROL = /^\s*(begin|start transaction|commit|end|rollback|savepoint|release)\b/i;

function cstring(buf: Buffer, at: number): [string, number] {
  const end = buf.indexOf(0, at);
  return [buf.toString('utf8', at, end), end + 1];
}

export async function startSqlCounter(target: { host: string; port: number }): Promise<SqlCounter> {
  const sockets = new Set<net.Socket>();
  const counter: SqlCounter = {
    port: 0,
    statements: 0,
    transactionControl: 0,
    texts: new Map(),
    reset() {
      this.statements = 0;
      this.transactionControl = 0;
      this.texts = new Map();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const count = (sql: string | undefined) => {
    // Whitespace collapsed and IN lists folded, so one statement shape is one entry whatever the batch size.
    const text = (sql ?? '(unknown prepared statement)')
      .replace(/\s+/g, ' ')
      .replace(/\(\$\d+(?:, ?\$\d+)+\)/g, '($n, …)')
      .trim()
      .slice(0, 240);
    counter.statements++;
    if (TX_CONTROL.test(text)) counter.transactionControl++;
    counter.texts.set(text, (counter.texts.get(text) ?? 0) + 1);
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const prepared = new Map<string, string>();
    const portals = new Map<string, string | undefined>();
    let pending: Buffer = Buffer.alloc(0);
    let startup = true;

    const parse = () => {
      for (;;) {
        if (startup) {
          // Untyped messages: an SSL/GSS request (answered by one byte) or the startup packet.
          if (pending.length < 8) return;
          const length = pending.readInt32BE(0);
          if (pending.length < length) return;
          const code = pending.readInt32BE(4);
          if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) startup = false;
          pending = pending.subarray(length);
          continue;
        }
        if (pending.length < 5) return;
        const length = pending.readInt32BE(1);
        if (pending.length < length + 1) return;
        const type = String.fromCharCode(pending[0]);
        const body = pending.subarray(5, length + 1);
        if (type === 'Q') count(cstring(body, 0)[0]);
        else if (type === 'P') {
          const [name, next] = cstring(body, 0);
          prepared.set(name, cstring(body, next)[0]);
        } else if (type === 'B') {
          const [portal, next] = cstring(body, 0);
          portals.set(portal, prepared.get(cstring(body, next)[0]));
        } else if (type === 'E') count(portals.get(cstring(body, 0)[0]));
        pending = pending.subarray(length + 1);
      }
    };

    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      parse();
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  counter.port = (server.address() as net.AddressInfo).port;
  return counter;
}
