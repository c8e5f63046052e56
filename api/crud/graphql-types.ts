import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { describe, type FieldKind, type FieldModel, type ResourceModel } from './model';
import { graphqlEnum, LocalDate, Password, Ratio } from './scalars';
import { MAX_PER_PAGE } from './list-metadata';

// type-graphql types are declared with decorators on classes. Here the classes are made per resource
// from its model and the decorators applied as plain calls, so a table and its labels are the only
// place a resource's shape is written (the model changes in one place).

type TypeFn = () => unknown;
type Class = new () => object;

function namedClass(name: string): Class {
  return { [name]: class {} }[name];
}

function addField(cls: Class, key: string, type: TypeFn, nullable: boolean, description: string, defaultValue?: unknown): void {
  Field(type as never, { nullable, description, ...(defaultValue === undefined ? {} : { defaultValue }) })(cls.prototype, key);
}

/**
 * The column's own default (true, [], 'ACTIVE' …) as the create argument's default, so clients
 * (the admin's forms) start from what the database would store; SQL defaults (now()) are left out.
 */
function defaultOf(field: FieldModel): unknown {
  const d = (field.column as unknown as { default?: unknown }).default;
  return d !== undefined && (typeof d !== 'object' || Array.isArray(d)) ? d : undefined;
}

function scalarOf(field: { kind: FieldKind; enumDef?: FieldModel['enumDef'] }): TypeFn {
  switch (field.kind) {
    case 'id':
    case 'reference':
      return () => ID;
    case 'int':
      return () => Int;
    case 'float':
      return () => Float;
    case 'ratio':
      return () => Ratio;
    case 'string':
    case 'stringList':
      return () => String;
    case 'boolean':
      return () => Boolean;
    case 'date':
      return () => LocalDate;
    case 'datetime':
      return () => GraphQLISODateTime;
    case 'enum':
    case 'enumList': {
      // Registered now: type-graphql must know the enum before it builds the schema.
      const values = graphqlEnum(field.enumDef!);
      return () => values;
    }
  }
}

function typeOf(field: FieldModel): TypeFn {
  const scalar = scalarOf(field);
  return field.kind === 'enumList' || field.kind === 'stringList' ? () => [scalar()] : scalar;
}

export const COMPARISONS = {
  _neq: { zh: '不等于', en: 'not equal to' },
  _lt: { zh: '小于', en: 'less than' },
  _lte: { zh: '小于等于', en: 'at most' },
  _gt: { zh: '大于', en: 'greater than' },
  _gte: { zh: '大于等于', en: 'at least' },
} as const;
export type Comparison = keyof typeof COMPARISONS;

/** Which comparison suffixes a field's filter accepts. */
export function comparisonsOf(field: { kind: FieldKind }): Comparison[] {
  switch (field.kind) {
    case 'int':
    case 'float':
    case 'ratio':
    case 'date':
    case 'datetime':
      return ['_neq', '_lt', '_lte', '_gt', '_gte'];
    case 'reference':
    case 'string':
    case 'enum':
      return ['_neq'];
    default:
      return [];
  }
}

export interface ResourceTypes {
  ObjectType: Class;
  Filter: Class;
  CreateArgs: Class;
  UpdateArgs: Class;
  BulkUpdateInput: Class;
  ListArgs: Class;
  MetaArgs: Class;
}

export function buildResourceTypes(model: ResourceModel): ResourceTypes {
  const { name, definition, fields } = model;

  const Obj = namedClass(name);
  // The schema's field order is the admin's: a computed field declared beside a column follows it.
  const addComputed = (c: ResourceModel['computed'][number]) => addField(Obj, c.key, scalarOf(c), c.nullable, c.description);
  for (const f of fields) {
    addField(Obj, f.key, typeOf(f), f.nullable, f.description);
    model.computed.filter((c) => c.beside === f.key).forEach(addComputed);
  }
  model.computed.filter((c) => !c.beside).forEach(addComputed);
  ObjectType(name, { description: describe(model.label, definition.description) })(Obj);

  const Filter = namedClass(`${name}Filter`);
  addField(Filter, 'q', () => String, true, `全文检索 (Text search) over: ${definition.search.join(', ')}.`);
  addField(Filter, 'ids', () => [ID], true, '按编号列表 (Only these ids); other filters still apply.');
  for (const f of [...fields, ...model.computed]) {
    // A list field is filtered by one of its values ("holds this value").
    const what = f.kind === 'enumList' || f.kind === 'stringList' ? '包含 (contains)' : '等于 (equals)';
    addField(Filter, f.key, scalarOf(f), true, `${f.label.zh}${what}`);
    for (const op of comparisonsOf(f)) {
      const c = COMPARISONS[op];
      addField(Filter, `${f.key}${op}`, scalarOf(f), true, `${f.label.zh}${c.zh} (${f.label.en} ${c.en})`);
    }
    if (f.nullable) {
      addField(Filter, `${f.key}_null`, () => Boolean, true, `${f.label.zh}为空 (true) / 不为空 (false)`);
    }
  }
  InputType(`${name}Filter`, { description: `${model.label.zh}的筛选条件 (Filter for ${model.plural})` })(Filter);

  const writable = fields.filter((f) => f.writable);

  const CreateArgs = namedClass(`Create${name}Args`);
  for (const f of writable) addField(CreateArgs, f.key, typeOf(f), !f.required, f.description, defaultOf(f));
  for (const [arg, input] of Object.entries(definition.createInputs ?? {})) {
    addField(CreateArgs, arg, () => Password, true, describe(input.label, input.help));
  }
  ArgsType()(CreateArgs);

  const UpdateArgs = namedClass(`Update${name}Args`);
  addField(UpdateArgs, 'id', () => ID, false, 'The record to change.');
  addField(
    UpdateArgs,
    'version',
    () => Int,
    true,
    'The version you last read; when it is no longer current the update is refused with CONFLICT.',
  );
  for (const f of writable) addField(UpdateArgs, f.key, typeOf(f), true, `${f.description} Absent means unchanged.`);
  ArgsType()(UpdateArgs);

  const BulkUpdateInput = namedClass(`${name}BulkUpdateInput`);
  for (const f of writable) addField(BulkUpdateInput, f.key, typeOf(f), true, f.description);
  InputType(`${name}BulkUpdateInput`, { description: `Fields set on every selected ${name}.` })(BulkUpdateInput);

  const MetaArgs = namedClass(`All${model.plural}MetaArgs`);
  addField(MetaArgs, 'page', () => Int, true, 'Zero-based page number.');
  addField(MetaArgs, 'perPage', () => Int, true, `Rows per page, 1 to ${MAX_PER_PAGE}.`);
  addField(MetaArgs, 'filter', () => Filter, true, 'Filter conditions.');
  ArgsType()(MetaArgs);

  const ListArgs = namedClass(`All${model.plural}Args`);
  addField(ListArgs, 'page', () => Int, true, 'Zero-based page number (default 0).');
  addField(
    ListArgs,
    'perPage',
    () => Int,
    true,
    `Rows per page, 1 to ${MAX_PER_PAGE} (default 100, or the number of ids when filtering by ids).`,
  );
  addField(ListArgs, 'sortField', () => String, true, 'A field of the type to sort by (default id).');
  addField(ListArgs, 'sortOrder', () => String, true, 'ASC or DESC (default ASC).');
  addField(ListArgs, 'filter', () => Filter, true, 'Filter conditions.');
  ArgsType()(ListArgs);

  return { ObjectType: Obj, Filter, CreateArgs, UpdateArgs, BulkUpdateInput, ListArgs, MetaArgs };
}
