import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react-swc';

const here = path.dirname(fileURLToPath(import.meta.url));

// The admin is built into admin/dist, which the API serves at `/` (ARCHITECTURE §1), with the API
// explorer beside it (graphiql.html, served at /graphiql). In development (`npm run dev`) Vite
// serves both with hot reload and passes /graphql through to the API.
export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: path.resolve(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { admin: path.resolve(here, 'index.html'), explorer: path.resolve(here, 'graphiql.html') } },
  },
  server: { proxy: { '/graphql': `http://127.0.0.1:${process.env.PORT ?? 4000}` } },
});
