import pluralize from 'pluralize';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { AdminMetadata, EnumMetadata, FieldKind, FieldMetadata, ResourceMetadata } from '../src/metadata/types';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SchemaHints } from '../../api/schema-hints-format';

// A graphql-codegen plugin: reads schema.graphql, with schema.hints.json beside it, and writes the
// metadata every admin screen is rendered from. A resource is any type the API serves with
// react-admin's grammar (`allXs`, `_allXsMeta`, `createX`), so a new table with its resolver gets a
// screen on rebuild. The types say what a field is; the hints say how to show it (labels, help,
// the fields that name a record, the menu group, long texts), as the record declared them.

/** Written by `npm run schema:emit` beside schema.graphql and checked like it. */
export function readHints(file = path.resolve(__dirname, '../../schema.hints.json')): SchemaHints {
  return JSON.parse(readFileSync(file, 'utf8')) as SchemaHints;
}

const SCALARS: Record<string, FieldKind> = {
  String: 'string',
  Int: 'int',
  Float: 'float',
  Ratio: 'ratio',
  Boolean: 'boolean',
  LocalDate: 'date',
  DateTimeISO: 'datetime',
  DateTime: 'datetime',
  Password: 'password',
};
const SUFFIXES = ['_neq', '_lt', '_lte', '_gt', '_gte', '_null'];

function grammarOf(name: string, plural: string): string[] {
  return [name, `all${plural}`, `_all${plural}Meta`, `create${name}`, `update${name}`, `delete${name}`, `update${plural}`, `delete${plural}`];
}

function returns(field: GraphQLField<unknown, unknown>, type: GraphQLNamedType): boolean {
  return getNamedType(field.type) === type;
}

export function buildMetadata(schema: GraphQLSchema, hints: SchemaHints = readHints()): AdminMetadata {
  const query = schema.getQueryType()!.getFields();
  const mutation = schema.getMutationType()?.getFields() ?? {};
  const resourceTypes = Object.values(schema.getTypeMap()).filter((t) => {
    if (!isObjectType(t) || t.name.startsWith('__')) return false;
    const plural = pluralize(t.name);
    // A record the server alone writes (the login log, sessions) has the reads and no create: it is a
    // resource all the same, known by its hints (every registered record has them).
    return plural !== t.name && query[`all${plural}`] && query[`_all${plural}Meta`] && (mutation[`create${t.name}`] || hints.records[t.name]);
  });
  const resourceNames = new Set(resourceTypes.map((t) => t.name));
  const enums: Record<string, EnumMetadata> = {};

  const resources = resourceTypes.map((type): ResourceMetadata => {
    if (!isObjectType(type)) throw new Error('unreachable');
    const record = hints.records[type.name];
    if (!record) throw new Error(`${type.name} has no hints in schema.hints.json: run \`npm run schema:emit\``);
    const plural = pluralize(type.name);
    const createArgs = new Map((mutation[`create${type.name}`]?.args ?? []).map((a) => [a.name, a]));
    const filterType = schema.getType(`${type.name}Filter`);
    const filterFields = isInputObjectType(filterType) ? filterType.getFields() : {};
    const objectFields = type.getFields();
    const fields: FieldMetadata[] = [];
    let objectField: string | undefined;
    for (const field of Object.values(objectFields)) {
      objectField = undefined;
      const named = getNamedType(field.type);
      const list = isListType(getNullableType(field.type));
      let kind: FieldKind | undefined;
      let reference: string | undefined;
      let enumName: string | undefined;
      if (isEnumType(named)) {
        kind = list ? 'enumList' : 'enum';
        enumName = named.name;
        const labels = hints.enums[named.name];
        enums[named.name] ??= {
          name: named.name,
          label: labels?.label ?? { zh: named.name, en: named.name },
          values: named.getValues().map((v) => ({ value: v.name, label: labels?.values[v.name] ?? { zh: v.name, en: v.name } })),
        };
      } else if (named.name === 'ID') {
        const target = objectFields[field.name.replace(/Id$/, '')];
        const targetType = target && getNamedType(target.type);
        if (field.name === 'id') kind = 'id';
        else if (field.name.endsWith('Id') && targetType && resourceNames.has(targetType.name)) {
          kind = 'reference';
          reference = targetType.name;
          objectField = target.name;
        } else kind = 'string';
      } else if (!list) {
        kind = SCALARS[named.name];
      } else if (named.name === 'String') {
        kind = 'stringList';
      }
      if (!kind) continue; // nested objects (the loaded reference, computed reports) are not form fields
      const described = record.fields[field.name];
      const arg = createArgs.get(field.name);
      fields.push({
        name: field.name,
        kind,
        label: described?.label ?? { zh: field.name, en: field.name },
        ...(described?.help ? { help: described.help } : {}),
        ...(described?.multiline ? { multiline: true } : {}),
        ...(described?.fixedAfterCreate ? { fixedAfterCreate: true } : {}),
        writable: Boolean(arg),
        required: Boolean(arg && isNonNullType(arg.type)),
        nullable: !isNonNullType(field.type as GraphQLOutputType),
        ...(enumName ? { enumName } : {}),
        ...(reference ? { reference, objectField } : {}),
        ...(arg?.defaultValue !== undefined ? { default: arg.defaultValue } : {}),
        filters: SUFFIXES.filter((s) => filterFields[`${field.name}${s}`]),
      });
    }
    const createOnly: FieldMetadata[] = [...createArgs.values()]
      .filter((a) => !objectFields[a.name] && SCALARS[getNamedType(a.type).name])
      .map((a) => {
        const described = record.fields[a.name];
        return {
          name: a.name,
          kind: SCALARS[getNamedType(a.type).name],
          label: described?.label ?? { zh: a.name, en: a.name },
          ...(described?.help ? { help: described.help } : {}),
          writable: true,
          required: isNonNullType(a.type),
          nullable: !isNonNullType(a.type),
          filters: [],
        };
      });
    const grammar = new Set(grammarOf(type.name, plural));
    const operations = [...Object.values(mutation), ...Object.values(query)]
      .filter((f) => !grammar.has(f.name) && returns(f, type))
      .map((f) => f.name)
      .sort();
    // The reverse relations the API serves on this type, as the record's hints name them; one
    // switched off for pages (`hidden`) is left out.
    const relations = (record.relations ?? [])
      .filter((r) => !r.hidden)
      .map((r) => {
        if (!objectFields[r.field] || !objectFields[`_${r.field}Meta`]) throw new Error(`${type.name}.${r.field} is in schema.hints.json but not in the schema: run \`npm run schema:emit\``);
        return { field: r.field, resource: r.resource, via: r.via, label: r.label };
      });
    if (record.attachments && !objectFields.attachments) throw new Error(`${type.name}.attachments is in schema.hints.json but not in the schema: run \`npm run schema:emit\``);
    const attachments = record.attachments && { kinds: Object.entries(record.attachments.kinds).map(([value, label]) => ({ value, label })) };
    const group = hints.groups.find((g) => g.key === record.group)!;
    return {
      name: type.name,
      plural,
      label: record.label,
      ...(record.description ? { description: record.description } : {}),
      group,
      fields,
      createOnly,
      titleField: record.title,
      display: record.display,
      ...(record.listColumns ? { listColumns: record.listColumns } : {}),
      searchable: Boolean(filterFields.q),
      operations,
      // The screens a record gets follow the mutations it has: one the server alone writes (the
      // login log, sessions) has no create or edit screen to land on.
      creatable: Boolean(mutation[`create${type.name}`]),
      editable: Boolean(mutation[`update${type.name}`]),
      relations,
      ...(attachments ? { attachments } : {}),
    };
  });
  // Menu order: groups as declared, records within a group in registration order.
  const rank = (r: ResourceMetadata) => hints.groups.findIndex((g) => g.key === r.group.key);
  const registered = Object.keys(hints.records);
  resources.sort((a, b) => rank(a) - rank(b) || registered.indexOf(a.name) - registered.indexOf(b.name));
  return { resources, groups: hints.groups, enums };
}

export const plugin = (schema: GraphQLSchema): string =>
  [
    '// Generated from schema.graphql by graphql-codegen (admin/scripts/codegen.ts); do not edit.',
    "import type { AdminMetadata } from '../metadata/types';",
    '',
    `export const metadata: AdminMetadata = ${JSON.stringify(buildMetadata(schema), null, 2)};`,
    '',
  ].join('\n');
