import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { sessionToken } from '../session-token';

// The API explorer at /graphiql: GraphiQL bundled into the admin's build and served by our own
// server, editors, workers and styles included, so it works on a county network with no internet.
// Every request carries the signed-in user's token (as the admin's own do); the schema's Chinese
// and English descriptions show in its documentation pane.

type Params = { query: string; variables?: unknown; operationName?: string | null };

async function fetcher(params: Params) {
  const token = sessionToken();
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(params),
  });
  return res.json();
}

const DEFAULT_QUERY = `# 接口调试：请求以当前登录用户的身份发送（未登录时只能使用 login、me 和 publicPowers）。
# API explorer: requests are sent as the signed-in user (signed out: only login, me and publicPowers).
{
  me { username role }
  _allDelegationsMeta { count }
}
`;

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
  </StrictMode>,
);
