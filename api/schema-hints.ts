import type { EnumDefinition, Label } from '../drizzle/schema/columns';
import type { ResourceModel } from './crud/model';
import { relationsOf } from './crud/relations';
import { attachmentKinds } from './crud/attachments';
import type { Records } from './crud/records';
import type { Text } from './crud/resource';
import { MENU } from './resources/menu';
import type { Bilingual, FieldHints, RecordHints, SchemaHints } from './schema-hints-format';

export type { SchemaHints } from './schema-hints-format';

// What a client needs to show a record beyond its GraphQL types, declared with the record and
// written beside schema.graphql as schema.hints.json by `npm run schema:emit`: labels and help in
// both languages, how a record is named, where it sits in the menu, which inputs take several
// lines. The admin's code generator reads it as data; nothing is parsed back from descriptions.

/** A help text not yet translated reads the same in both languages. */
function bilingual(text: Text | undefined): Bilingual | undefined {
  if (text === undefined) return undefined;
  return typeof text === 'string' ? { zh: text, en: text } : { zh: text.zh, en: text.en };
}

const label = (l: Label): Bilingual => ({ zh: l.zh, en: l.en });

function recordHints(model: ResourceModel, enums: SchemaHints['enums']): RecordHints {
  const { definition } = model;
  const addEnum = (def: EnumDefinition | undefined) => {
    if (def) enums[def.graphqlName] ??= { label: label(def.label), values: Object.fromEntries(Object.entries(def.values).map(([k, v]) => [k, label(v)])) };
  };
  const fields: Record<string, FieldHints> = {};
  for (const f of model.fields) {
    addEnum(f.enumDef);
    fields[f.key] = {
      label: label(f.label),
      ...(f.help ? { help: label(f.help) } : {}),
      ...(f.multiline ? { multiline: true } : {}),
      ...(f.fixedAfterCreate ? { fixedAfterCreate: true } : {}),
    };
  }
  for (const c of model.computed) {
    addEnum(c.enumDef);
    const help = bilingual(definition.computed?.[c.key]?.help);
    fields[c.key] = { label: label(c.label), ...(help ? { help } : {}) };
  }
  for (const [name, resolved] of Object.entries(definition.resolvedFields ?? {})) {
    const help = bilingual(resolved.help);
    fields[name] = { label: label(resolved.label), ...(help ? { help } : {}) };
  }
  for (const [name, input] of Object.entries(definition.createInputs ?? {})) {
    const help = bilingual(input.help);
    fields[name] = { label: label(input.label), ...(help ? { help } : {}) };
  }
  const description = bilingual(definition.description);
  const kinds = attachmentKinds(model);
  return {
    label: label(model.label),
    ...(description ? { description } : {}),
    title: model.titleField,
    display: model.display,
    group: definition.ui.group.key,
    ...(definition.ui.listColumns ? { listColumns: definition.ui.listColumns } : {}),
    fields,
    relations: relationsOf(model).map((r) => ({
      field: r.name,
      resource: r.source.name,
      via: r.field.key,
      label: label(r.label),
      ...(r.hidden ? { hidden: true } : {}),
    })),
    ...(kinds ? { attachments: { kinds: Object.fromEntries(Object.entries(kinds).map(([k, l]) => [k, label(l)])) } } : {}),
  };
}

export function schemaHints(records: Records): SchemaHints {
  const enums: SchemaHints['enums'] = {};
  const byName = Object.fromEntries(records.models.map((m) => [m.name, recordHints(m, enums)]));
  return {
    groups: Object.values(MENU).map((g) => ({ key: g.key, label: label(g.label) })),
    records: byName,
    enums: Object.fromEntries(Object.keys(enums).sort().map((k) => [k, enums[k]])),
  };
}

/** schema.hints.json as committed: stable key order, so the drift test holds. */
export function printHintsFile(hints: SchemaHints): string {
  return `${JSON.stringify(hints, null, 2)}\n`;
}
