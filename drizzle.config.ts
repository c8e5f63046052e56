import { defineConfig } from 'drizzle-kit';

// drizzle-kit only reads the schema and writes SQL; it never connects (`generate` needs no database).
export default defineConfig({
  dialect: 'postgresql',
  schema: './drizzle/schema/index.ts',
  out: './drizzle/migrations',
  casing: 'snake_case',
});
