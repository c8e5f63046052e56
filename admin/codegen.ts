import type { CodegenConfig } from '@graphql-codegen/cli';

// Run by `npm run admin:codegen` (under tsx, so the plugin can be TypeScript).
const config: CodegenConfig = {
  schema: 'schema.graphql',
  // Keep the schema's own order (the tables' column order, enum values in their lifecycle order).
  config: { sort: false },
  generates: {
    'admin/src/generated/metadata.ts': { plugins: ['./admin/codegen/resource-metadata.ts'] },
    // The data provider reads the schema from here instead of introspecting the server at start-up.
    'admin/src/generated/introspection.json': { plugins: ['introspection'], config: { minify: true } },
  },
  silent: true,
};
export default config;
