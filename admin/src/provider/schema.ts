import type { IntrospectionSchema } from 'graphql';
import introspection from '../generated/introspection.json';

/** The API's schema as of the build (from schema.graphql), so start-up needs no introspection request. */
export const schema = (introspection as unknown as { __schema: IntrospectionSchema }).__schema;

/** The fields of a GraphQL object type, by name. */
export function typeFields(name: string): string[] {
  const type = schema.types.find((t) => t.name === name);
  return type && 'fields' in type ? type.fields.map((f) => f.name) : [];
}
