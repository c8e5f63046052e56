import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { buildDataProvider } from './data-provider';

buildDataProvider().then((dataProvider) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App dataProvider={dataProvider} />
    </StrictMode>,
  ),
);
