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
    rollupOptions: {
      input: { admin: path.resolve(here, 'index.html'), explorer: path.resolve(here, 'graphiql.html') },
      // The explorer's packages mark modules "use no memo" for React's compiler, which this build
      // does not run: the directive means nothing here, and its warning on every build would hide real ones.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/graphql': `http://127.0.0.1:${process.env.PORT ?? 4000}` } },
});
