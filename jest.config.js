// Two projects run the same API suites: on embedded PGlite always, and on PostgreSQL when
// TEST_DATABASE_URL is set (CI sets it). Suites under test/static (generated files), test/process
// (the started product) and test/browser (the admin in chromium) run once, on PGlite. Unit tests
// sit beside the pure modules they test (`api/**/x.test.ts`, `admin/src/**/x.test.ts`) and need no database: the `unit`
// project runs them, in seconds (`npm test -- --selectProjects unit`).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const base = {
  testEnvironment: 'node',
  // jose ships only ES modules; jest loads CommonJS, so swc converts it like our own files.
  transform: { '^.+\\.ts$': swc, '/node_modules/jose/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
};

module.exports = {
  maxWorkers: 2,
  // Also the hooks' timeout. A loaded 2-core machine seeds the demo county and starts servers several
  // times slower than a quiet one (the demo seed took ~170 s on PGlite under a load of 30); a hook
  // that fails on time alone is a flaky test, not a finding.
  testTimeout: 600_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/api/**/*.test.ts', '<rootDir>/admin/src/**/*.test.ts'] },
    { ...base, displayName: 'pglite', setupFiles: ['<rootDir>/test/setup/pglite.ts'] },
    ...(process.env.TEST_DATABASE_URL
      ? [
          {
            ...base,
            displayName: 'postgres',
            setupFiles: ['<rootDir>/test/setup/postgres.ts'],
            testPathIgnorePatterns: ['<rootDir>/test/static/', '<rootDir>/test/process/', '<rootDir>/test/browser/'],
          },
        ]
      : []),
  ],
};
