import { getNamedType, getNullableType, isListType, isNonNullType, type GraphQLInputType, type GraphQLType } from 'graphql';
import { getApp } from '../../api/app';
import type { GqlResponse, TestServer } from './test-server';

function typeName(type: GraphQLType): string {
  if (isNonNullType(type)) return `${typeName(type.ofType)}!`;
  if (isListType(type)) return `[${typeName(type.ofType)}]`;
  return getNamedType(type)!.name;
}

/**
 * Calls a root field with variables typed as the schema declares them, so tests state only the
 * values: `call(server, 'createOrganization', { name, kind }, 'id name')`.
 */
export function call<T = any>(
  server: TestServer,
  field: string,
  args: Record<string, unknown>,
  selection?: string,
): Promise<GqlResponse<Record<string, T>>> {
  const { schema } = getApp();
  const mutation = schema.getMutationType()!.getFields()[field];
  const query = schema.getQueryType()!.getFields()[field];
  const def = mutation ?? query;
  if (!def) throw new Error(`No root field ${field}`);
  const used = Object.keys(args);
  const vars = used.map((k) => {
    const arg = def.args.find((a) => a.name === k);
    if (!arg) throw new Error(`${field} has no argument ${k}`);
    return `$${k}: ${typeName(arg.type as GraphQLInputType)}`;
  });
  const named = getNamedType(getNullableType(def.type));
  const hasFields = 'getFields' in named;
  // Records answer with their id by default, bulk results with their ids.
  const fields = hasFields ? Object.keys((named as { getFields(): object }).getFields()) : [];
  const chosen = selection ?? (fields.includes('id') ? 'id' : fields[0]);
  const doc = `${mutation ? 'mutation' : 'query'}${vars.length ? `(${vars.join(', ')})` : ''} { ${field}${
    used.length ? `(${used.map((k) => `${k}: $${k}`).join(', ')})` : ''
  }${hasFields ? ` { ${chosen} }` : ''} }`;
  return server.gql(doc, args);
}

/** Like `call`, but fails the test on any error and returns the field's value. */
export async function ok<T = any>(
  server: TestServer,
  field: string,
  args: Record<string, unknown>,
  selection?: string,
): Promise<T> {
  const res = await call<T>(server, field, args, selection);
  if (res.errors?.length) throw new Error(`${field} failed: ${JSON.stringify(res.errors, null, 1)}`);
  return res.data![field];
}
