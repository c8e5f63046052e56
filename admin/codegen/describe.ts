import type { Bilingual } from '../src/metadata/types';

/**
 * Reads back a description written by the API's `describe()`: a first line `中文 (English)`, then,
 * separated by blank lines, the help text in Chinese and in English (or one text, until translated).
 * The English label may itself hold parentheses: `街道 (Street (subdistrict))`.
 */
export function parseDescription(description: string | null | undefined): { label?: Bilingual; help?: Bilingual } {
  if (!description) return {};
  const [first, ...rest] = description.split('\n\n').map((s) => s.trim());
  let label: Bilingual | undefined;
  const open = first.indexOf(' (');
  if (open > 0 && first.endsWith(')')) label = { zh: first.slice(0, open), en: first.slice(open + 2, -1) };
  const texts = label ? rest : [first, ...rest];
  let help: Bilingual | undefined;
  if (texts.length >= 2) help = { zh: texts[0], en: texts.slice(1).join('\n\n') };
  // A single text shows in both languages until it is translated.
  else if (texts.length === 1 && texts[0]) help = { zh: texts[0], en: texts[0] };
  return { label, help };
}
