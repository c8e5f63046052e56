import pluralize from 'pluralize';
import { printedSchema } from '../../api/app';
import { resourceDefinitions } from '../../api/resources';
import { migrationDrift, schemaDrift } from '../helpers/drift';

// Generated files are committed; these fail when the code has moved on without them. The same checks
// are `npm run check:schema`.
it('schema.graphql and schema.hints.json are what the code emits (run `npm run schema:emit`)', () => {
  expect(schemaDrift()).toBeNull();
});

it('the committed migrations cover the drizzle schema (run `npm run db:generate -- --name <name>`)', () => {
  expect(migrationDrift()).toBeNull();
});

it('every resource pluralizes to a different word, as react-admin needs', () => {
  const sdl = printedSchema();
  for (const { name } of resourceDefinitions) {
    const plural = pluralize(name);
    expect(plural).not.toBe(name);
    expect(sdl).toMatch(new RegExp(`^  all${plural}\\(`, 'm'));
    expect(sdl).toMatch(new RegExp(`^  _all${plural}Meta\\(`, 'm'));
  }
});
