/**
 * The field that names a record wherever it is referred to (a reference's text, a history entry):
 * the first of these a type has. One list for the API and the admin's code generator, so the
 * history and the screens name a record the same way.
 */
export const TITLE_FIELDS = ['name', 'title', 'personName', 'number', 'documentNumber', 'description', 'code'];

export function titleFieldOf(fieldNames: string[]): string {
  return TITLE_FIELDS.find((t) => fieldNames.includes(t)) ?? 'id';
}
