import { GraphQLError, GraphQLFloat, GraphQLScalarType, Kind } from 'graphql';
import { registerEnumType } from 'type-graphql';
import type { EnumDefinition } from '../../drizzle/schema/columns';
import { describe } from './model';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD (2021-02-30 is refused). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function parseLocalDate(value: unknown): string {
  if (!isLocalDate(value)) {
    throw new GraphQLError(`日期格式应为 YYYY-MM-DD / A date must be a calendar day written YYYY-MM-DD: ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * A calendar day without time zone (`2021-06-01`). Effective dates in catalogs are days, not
 * instants: a delegation effective "from 1 June" must not move with the reader's time zone.
 */
export const LocalDate = new GraphQLScalarType({
  name: 'LocalDate',
  description: 'A calendar day, YYYY-MM-DD, without time zone (日期).',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseLocalDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('日期应为字符串 / A date must be a string');
    return parseLocalDate(ast.value);
  },
});

/**
 * A proportion as a decimal fraction (a vacancy rate, one of the six rates): a JSON number like
 * Float, named so that clients (the admin's code generator) know to show it as a percentage.
 */
export const Ratio = new GraphQLScalarType({
  name: 'Ratio',
  description: '比率 (A proportion as a decimal fraction: 0.25 is 25%), a JSON number.',
  serialize: GraphQLFloat.serialize,
  parseValue: GraphQLFloat.parseValue,
  parseLiteral: GraphQLFloat.parseLiteral,
});

const graphqlEnums = new Map<string, Record<string, string>>();

/** The type-graphql enum for a labelled enum (stored or computed); every value's description is its labels. */
export function graphqlEnum(def: EnumDefinition): Record<string, string> {
  let values = graphqlEnums.get(def.graphqlName);
  if (!values) {
    values = Object.fromEntries(Object.keys(def.values).map((k) => [k, k]));
    registerEnumType(values, {
      name: def.graphqlName,
      description: describe(def.label),
      valuesConfig: Object.fromEntries(
        Object.entries(def.values).map(([k, label]) => [k, { description: describe(label) }]),
      ),
    });
    graphqlEnums.set(def.graphqlName, values);
  }
  return values;
}

/**
 * A secret a user types (a new account's password): a string on the wire, its own type so clients
 * know to show a masked input. It is never returned by any field.
 */
export const Password = new GraphQLScalarType({
  name: 'Password',
  description: 'A password (密码): text, write-only, never returned.',
  serialize: () => {
    throw new GraphQLError('A password is never returned');
  },
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('密码应为文字 / A password must be text');
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('密码应为文字 / A password must be text');
    return ast.value;
  },
});
