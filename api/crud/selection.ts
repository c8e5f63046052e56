import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * What a query asks of one object: each field name, with what it asks of that field's object (for
 * a field with a selection set). Aliases and repeated fields merge: the database answers each
 * field once, and graphql hands it to every alias.
 */
export interface Wanted {
  fields: Map<string, Wanted | null>;
  /** A field with arguments (a nested list): its answer depends on more than the row. */
  withArgs: Set<string>;
}

function collect(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, into: Wanted): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (selection.arguments?.length) into.withArgs.add(name);
      if (!selection.selectionSet) {
        if (!into.fields.has(name)) into.fields.set(name, null);
        continue;
      }
      let nested = into.fields.get(name);
      if (!nested) into.fields.set(name, (nested = { fields: new Map(), withArgs: new Set() }));
      collect(selection.selectionSet, fragments, nested);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, fragments, into);
    } else {
      const fragment = fragments[selection.name.value];
      if (fragment) collect(fragment.selectionSet, fragments, into);
    }
  }
}

/**
 * The fields asked of the object a resolver returns. `@skip`/`@include` are not evaluated: a
 * skipped field is read and then not sent, which costs a column, never a wrong answer.
 */
export function wantedOf(info: GraphQLResolveInfo): Wanted {
  const wanted: Wanted = { fields: new Map(), withArgs: new Set() };
  for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet, info.fragments, wanted);
  return wanted;
}
