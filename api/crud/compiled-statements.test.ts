import { statementName } from './compiled-statements';

// Prepared statements stay on every connection until it closes (the pool renews connections): only
// texts read again are named, a hundred at a time, the least recently read making way.
it('names a text the second time it is read and keeps the name while it is read', () => {
  expect(statementName('select 1')).toBeUndefined();
  const name = statementName('select 1');
  expect(name).toMatch(/^compiled_[\w-]{32}$/);
  expect(statementName('select 1')).toBe(name);
  expect(statementName('select 2')).toBeUndefined();
  expect(statementName('select 2')).not.toBe(name);
});

it('names the texts read now, however many were named before', () => {
  const hot = 'select hot';
  statementName(hot);
  const name = statementName(hot);
  // Two hundred other texts each read twice (another day's, other readers'), the hot one read between them.
  for (let i = 0; i < 200; i++) {
    statementName(`select ${i + 10}`);
    expect(statementName(`select ${i + 10}`)).toMatch(/^compiled_/);
    if (i % 50 === 0) expect(statementName(hot)).toBe(name);
  }
  // Those read least recently made way; read again twice, a text is named again, by the same name.
  expect(statementName('select 10')).toBeUndefined();
  expect(statementName('select 10')).toMatch(/^compiled_/);
  expect(statementName(hot)).toBe(name);
});
