import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// The API's layers, lowest first. A file may import its own layer and the ones below it, never one
// above: identity knows nothing of records, the generic layer nothing of particular records, the
// records nothing of the schema or the server. docs/architecture.md draws the same picture.
const LAYERS: [name: string, paths: string[]][] = [
  ['foundation', ['drizzle/schema/', 'api/config.ts', 'api/config-check.ts', 'api/dates.ts', 'api/log.ts', 'api/errors.ts', 'api/database-errors.ts', 'api/data-dir-lock.ts', 'api/http-drain.ts', 'api/input-guard.ts', 'api/production-mode.ts', 'api/file-types.ts', 'api/parameters/registry.ts']],
  ['database', ['api/db.ts']],
  ['parameters', ['api/parameters/']],
  ['operations', ['api/ops/']],
  ['jobs', ['api/jobs/']],
  ['identity', ['api/auth/']],
  ['generic records', ['api/crud/']],
  ['records', ['api/resources/']],
  ['schema', ['api/schema.ts', 'api/schema-hints.ts', 'api/schema-hints-format.ts', 'api/read-guard.ts', 'api/app.ts', 'api/spreadsheets/', 'api/sync/']],
  ['server', ['api/server.ts', 'api/limits.ts', 'api/login-guard.ts', 'api/password-change-guard.ts', 'api/query-cost.ts', 'api/format-error.ts', 'api/spreadsheet-routes.ts', 'api/attachment-routes.ts', 'api/shared-limiter.ts', 'api/export-query.ts', 'api/export-catalog-diff.ts', 'api/export-case-ranking.ts', 'api/export-team-standards.ts', 'api/public-page.ts', 'api/metrics.ts']],
  ['entry points', ['api/index.ts', 'api/scripts/', 'api/seed/']],
];
/** Types only: any layer may name the request context, and it pulls in nothing by being named. */
const TYPES_ONLY = 'api/context.ts';

const root = path.resolve(__dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    return statSync(path.join(root, rel)).isDirectory() ? filesUnder(rel) : rel.endsWith('.ts') ? [rel] : [];
  });
}

function layerOf(file: string): number {
  // A unit test sits beside its module, in its layer.
  const module = file.replace(/\.test\.ts$/, '.ts');
  const i = LAYERS.findIndex(([, paths]) => paths.some((p) => (p.endsWith('/') ? module.startsWith(p) : module === p)));
  if (i < 0) throw new Error(`${file} belongs to no layer: add it to LAYERS (and to docs/architecture.md)`);
  return i;
}

/**
 * Relative imports of a file, resolved to repository paths, with whether each names types only.
 * Read from the text: the `typescript` package here is the native compiler, without a JS API.
 */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const out: { target: string; typeOnly: boolean }[] = [];
  const statement = /^(?:import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?'(\.[^']*)';/gm;
  for (const [, typeKeyword, names, specifier] of text.matchAll(statement)) {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    const target = [`${base}.ts`, `${base}/index.ts`].find((candidate) => existsSync(path.join(root, candidate)));
    if (!target) continue;
    // `import { type A, type B }` names types only as much as `import type { A, B }` does.
    const specifiers = /^\{([^}]*)\}$/.exec(names?.trim() ?? '')?.[1].split(',').map((n) => n.trim()).filter(Boolean);
    const typeOnly = Boolean(typeKeyword) || Boolean(specifiers?.length && specifiers.every((n) => n.startsWith('type ')));
    out.push({ target, typeOnly });
  }
  return out;
}

const files = [...filesUnder('api'), ...filesUnder('drizzle/schema')];

describe('the API’s layers', () => {
  it('puts every file in a layer', () => {
    for (const file of files) if (file !== TYPES_ONLY) expect(() => layerOf(file)).not.toThrow();
  });

  it('imports only its own layer and those below', () => {
    const upward: string[] = [];
    for (const file of files) {
      if (file === TYPES_ONLY) continue;
      for (const { target } of importsOf(file)) {
        if (target === TYPES_ONLY) continue;
        if (layerOf(target) > layerOf(file)) upward.push(`${file} (${LAYERS[layerOf(file)][0]}) → ${target} (${LAYERS[layerOf(target)][0]})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps the request context a types-only leaf', () => {
    const values = importsOf(TYPES_ONLY).filter((i) => !i.typeOnly);
    expect(values).toEqual([]);
    const namedAsValue = files.filter((f) => importsOf(f).some((i) => i.target === TYPES_ONLY && !i.typeOnly));
    expect(namedAsValue).toEqual([]);
  });

  it('reaches records by their definitions, not by names in strings', () => {
    // `records.named(x)` is for names a client sends (a token's scopes, a history entry's resource);
    // code that knows which record it wants imports its definition.
    const literal = files.filter((f) => /\.named\(\s*['"`]/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(literal).toEqual([]);
  });

  it('notices an upward import (the check itself can fail)', () => {
    expect(layerOf('api/crud/service.ts')).toBeLessThan(layerOf('api/resources/finding/finding.service.ts'));
    expect(layerOf('api/auth/session.ts')).toBeLessThan(layerOf('api/crud/service.ts'));
  });
});
