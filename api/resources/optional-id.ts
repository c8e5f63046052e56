import { notFound } from '../errors';
import { parseId, type ResourceModel } from '../crud/model';

/** An optional id argument of a summary query: absent is everyone, a malformed one is not found. */
export function optionalId(value: string | null | undefined, model: ResourceModel): number | undefined {
  if (value === null || value === undefined) return undefined;
  const id = parseId(value);
  if (id === null) throw notFound(model.label, value);
  return id;
}
