import { differences } from './compare';
import type { RunningServer, ServerName } from './servers';
import { comparable, type HttpRequest, type Shape } from './shapes';
import type { SqlCounter } from './sql-counter';
import type { StatementCount } from './report';

// The untimed pass, with every server behind its statement counter: first the answers are checked
// to be the same data on every server (a bench that compares different answers measures nothing),
// then each shape's statements per request are counted over sequential requests.

export type Headers = Record<ServerName, Record<string, string>>;

export async function send(server: RunningServer, request: HttpRequest, headers: Record<string, string>): Promise<unknown> {
  const res = await fetch(server.base + request.path, { method: request.method, headers, body: request.body });
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${server.name} answered ${res.status} with non-JSON: ${text.slice(0, 500)}`);
  }
}

/** Requests 0..variants-1 of every shape on every server; throws with a diff on the first mismatch. */
export async function checkSameData(
  shapes: Shape[],
  servers: RunningServer[],
  headers: Headers,
  asOfPaged: boolean,
  variants = 3,
): Promise<Record<string, Record<string, number>>> {
  const rowsAnswered: Record<string, Record<string, number>> = {};
  for (const shape of shapes) {
    for (let i = 0; i < variants; i++) {
      const answers: { server: ServerName; data: unknown }[] = [];
      for (const server of servers) {
        const json = await send(server, shape.request(server.name, i), headers[server.name]);
        let data: unknown;
        try {
          data = shape.extract(server.name, json);
        } catch (e) {
          throw new Error(`${shape.name} #${i} on ${server.name}: ${(e as Error).message}`);
        }
        if (Array.isArray(data)) ((rowsAnswered[shape.name] ??= {})[server.name] ??= data.length);
        answers.push({ server: server.name, data: comparable(shape, server.name, data, asOfPaged) });
      }
      const [first, ...rest] = answers;
      if (first.data === null || (Array.isArray(first.data) && first.data.length === 0)) {
        throw new Error(`${shape.name} #${i}: ${first.server} answered nothing; the check would prove nothing`);
      }
      for (const other of rest) {
        const diff = differences(first.data, other.data);
        if (diff.length) {
          throw new Error(
            `${shape.name} #${i}: ${first.server} and ${other.server} answer different data:\n  ${diff.join('\n  ')}\n` +
              `request to ${other.server}: ${JSON.stringify(shape.request(other.server, i))}`,
          );
        }
      }
    }
  }
  return rowsAnswered;
}

export async function countStatements(
  shape: Shape,
  server: RunningServer,
  counter: SqlCounter,
  headers: Record<string, string>,
  requests: number,
  firstIndex: number,
): Promise<StatementCount> {
  // Two unmeasured requests first: one-time work (prepared statements, caches) is not per request.
  for (let i = 0; i < 2; i++) await send(server, shape.request(server.name, firstIndex + i), headers);
  // Statements of the previous request may still be on the wire to PostgreSQL for a moment.
  await new Promise((r) => setTimeout(r, 50));
  counter.reset();
  for (let i = 0; i < requests; i++) {
    const json = await send(server, shape.request(server.name, firstIndex + 2 + i), headers);
    shape.extract(server.name, json);
  }
  await new Promise((r) => setTimeout(r, 50));
  const texts = [...counter.texts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([sql, n]) => ({ perRequest: Number((n / requests).toFixed(2)), sql }));
  return {
    perRequest: counter.statements / requests,
    transactionControlPerRequest: counter.transactionControl / requests,
    texts,
  };
}
