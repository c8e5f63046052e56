import { enums, resources } from '../../admin/src/metadata';

// What a Chinese reader sees in the forms (labels, help texts, descriptions) is Chinese: no field
// name in place of a label ("totalScore"), no enum code beside its label ("已发布（PUBLISHED）"), no
// operation or field identifier ("completeTransfer", "StaffMember.certificateAlert").

const CODES = new Set(Object.values(enums).flatMap((e) => e.values.map((v) => v.value)));
const IDENTIFIER = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[A-Z][a-z]+[A-Z][A-Za-z.]*\b/;

function problems(where: string, zh: string | undefined): string[] {
  if (!zh) return [];
  const codes = (zh.match(/\b[A-Z][A-Z_]{2,}\b/g) ?? []).filter((w) => CODES.has(w));
  const identifier = IDENTIFIER.exec(zh)?.[0];
  return [...codes.map((c) => `${where}: enum code ${c}`), ...(identifier ? [`${where}: identifier ${identifier}`] : [])];
}

it('labels every field in Chinese, and keeps codes and identifiers out of Chinese help texts', () => {
  const found: string[] = [];
  for (const r of resources) {
    found.push(...problems(`${r.name} description`, r.description?.zh));
    for (const f of [...r.fields, ...r.createOnly]) {
      if (f.label.zh === f.name || !/[\u4e00-\u9fff]/.test(f.label.zh)) found.push(`${r.name}.${f.name}: label ${f.label.zh}`);
      found.push(...problems(`${r.name}.${f.name} label`, f.label.zh), ...problems(`${r.name}.${f.name} help`, f.help?.zh));
    }
  }
  expect(found).toEqual([]);
});
