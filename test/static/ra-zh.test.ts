import englishMessages from 'ra-language-english';
import { raChineseMessages } from '../../admin/src/i18n/ra-zh';

// Our zh-CN react-admin messages against the installed English ones: same keys, real Chinese, same placeholders.

type Tree = { [key: string]: Tree | string | undefined };

const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object') for (const entry of flatten(value, path)) out.set(...entry);
    else out.set(path, String(value));
  }
  return out;
};

const en = flatten(englishMessages as unknown as Tree);
const zh = flatten(raChineseMessages as unknown as Tree);

const placeholders = (s: string) => new Set([...s.matchAll(/%\{([^}]*)\}/g)].map((m) => m[1]));
const cjk = /\p{Script=Han}/u;
// An English string with no words once placeholders and the plural delimiter are gone ('%{name}', ' ').
const onlyPlaceholders = (s: string) => !/\p{L}/u.test(s.replace(/%\{[^}]*\}/g, '').replace(/\|\|\|\|/g, ''));

it('reads the English messages', () => {
  expect(en.size).toBeGreaterThan(100);
  expect(en.get('ra.action.save')).toBe('Save');
});

it('has exactly the keys of ra-language-english', () => {
  const missing = [...en.keys()].filter((k) => !zh.has(k));
  const extra = [...zh.keys()].filter((k) => !en.has(k));
  expect({ missing, extra }).toEqual({ missing: [], extra: [] });
});

it('every message is a string, in Chinese unless the English one is only placeholders or symbols', () => {
  const notString = [...zh].filter(([, v]) => typeof v !== 'string' || v === '').map(([k]) => k);
  expect(notString).toEqual([]);
  const notChinese = [...en]
    .filter(([k, v]) => zh.has(k) && !onlyPlaceholders(v) && !cjk.test(zh.get(k)!))
    .map(([k]) => `${k}: ${JSON.stringify(zh.get(k))}`);
  expect(notChinese).toEqual([]);
});

it('every placeholder of the English message is in the Chinese one, and no other', () => {
  const wrong: string[] = [];
  for (const [k, v] of en) {
    if (!zh.has(k)) continue;
    const want = placeholders(v);
    // polyglot's zh rule always picks the first `||||` form, so that form must carry them all.
    const firstForm = zh.get(k)!.split('||||')[0];
    const have = placeholders(firstForm);
    const missing = [...want].filter((p) => !have.has(p));
    const unknown = [...placeholders(zh.get(k)!)].filter((p) => !want.has(p));
    if (missing.length || unknown.length)
      wrong.push(`${k}: missing ${JSON.stringify(missing)}, unknown ${JSON.stringify(unknown)}`);
  }
  expect(wrong).toEqual([]);
});
