import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { buildDataProvider } from './data-provider';
import { sessionToken } from './auth-provider';

// Without a session, the first page is the sign-in page itself: the signed-in layout is not drawn
// for a moment and its queries are not sent only to be refused. (react-admin's `requireAuth` does
// the same through several log-out round trips, seconds on a slow machine.)
if (!sessionToken() && !window.location.hash.startsWith('#/login')) window.location.replace('#/login');

buildDataProvider().then((dataProvider) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App dataProvider={dataProvider} />
    </StrictMode>,
  ),
);
