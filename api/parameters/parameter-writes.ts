import { Kind, type OperationDefinitionNode } from 'graphql';

const WRITES = new Set(['createSystemParameter', 'updateSystemParameter', 'deleteSystemParameter']);

/** Does this operation write a parameter (its root fields, whatever their aliases)? */
export function isParameterWrite(operation: OperationDefinitionNode): boolean {
  return operation.operation === 'mutation' && operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && WRITES.has(s.name.value));
}
