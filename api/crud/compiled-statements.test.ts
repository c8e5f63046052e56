import { statementName, statementStore } from './compiled-statements';

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

describe('kept statements', () => {
  const statement = (sql: string) => ({ query: { sql, params: [] }, hash: sql });

  it('forget the least recently read first, past their number', () => {
    const kept = statementStore(2, 1_000);
    kept.set('a', statement('select 1'));
    kept.set('b', statement('select 2'));
    expect(kept.get('a')?.query.sql).toBe('select 1');
    kept.set('c', statement('select 3'));
    // b was read least recently (a was read after it).
    expect([kept.get('a')?.query.sql, kept.get('b'), kept.get('c')?.query.sql]).toEqual(['select 1', undefined, 'select 3']);
  });

  it('forget past their characters (texts bound included), keep none larger than all, and count a statement kept twice once', () => {
    const kept = statementStore(100, 30);
    kept.set('a', statement('x'.repeat(9)));
    kept.set('b', statement('y'.repeat(9)));
    kept.set('c', statement('z'.repeat(9)));
    // 3 × 10 characters fit; a fourth makes the oldest go.
    kept.set('d', statement('w'.repeat(9)));
    expect([kept.get('a'), kept.size]).toEqual([undefined, 3]);
    kept.set('huge', statement('h'.repeat(40)));
    expect([kept.get('huge'), kept.size]).toEqual([undefined, 3]);
    kept.set('long literal', { query: { sql: 'select $1', params: ['q'.repeat(40)] }, hash: '' });
    expect([kept.get('long literal'), kept.size]).toEqual([undefined, 3]);
    // The same key kept again replaces its statement: the count does not drift.
    for (let i = 0; i < 10; i++) kept.set('d', statement('w'.repeat(9)));
    expect([kept.get('b')?.query.sql, kept.get('c')?.query.sql, kept.size]).toEqual(['y'.repeat(9), 'z'.repeat(9), 3]);
  });
});
