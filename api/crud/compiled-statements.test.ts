import { statementName } from './compiled-statements';

// Prepared statements stay on every connection until it closes: only texts read again are named,
// and only so many, so a client sending ever new documents cannot fill the database's memory.
it('names a text the second time it is read, keeps the name, and names no more than a hundred', () => {
  expect(statementName('select 1')).toBeUndefined();
  const name = statementName('select 1');
  expect(name).toMatch(/^compiled_[\w-]{32}$/);
  expect(statementName('select 1')).toBe(name);
  expect(statementName('select 2')).toBeUndefined();
  expect(statementName('select 2')).not.toBe(name);
  const more = Array.from({ length: 150 }, (_, i) => `select ${i + 10}`);
  const named = more
    .map((text) => {
      statementName(text);
      return statementName(text);
    })
    .filter(Boolean);
  expect(named).toHaveLength(98);
  expect(statementName('select 1')).toBe(name);
});
