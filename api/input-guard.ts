import { Kind, visit, type ArgumentNode, type DocumentNode, type OperationDefinitionNode, type ValueNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { badInput, type FieldError } from './errors';

// Text sent to the API never holds control characters other than tab and line breaks. PostgreSQL
// cannot store a NUL at all, and the others have no place in a name, a legal basis or a search;
// refused up front as a field error, whatever the operation and wherever the text sits in its
// arguments (a field, a filter, `q`, a password), instead of failing deep in the database.

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function problem(field: string): FieldError {
  return {
    field,
    rule: 'controlCharacter',
    zh: `${field} 含有不可见的控制字符（如 NUL），请删除后再提交`,
    en: `${field} contains an invisible control character (such as NUL); remove it and send again`,
  };
}

/** Walks a JSON value sent as a variable, reporting each string with a control character. */
function checkValue(value: unknown, path: string, out: FieldError[]): void {
  if (typeof value === 'string') {
    if (CONTROL.test(value)) out.push(problem(path));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkValue(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (CONTROL.test(k)) out.push(problem(path));
      checkValue(v, `${path}.${k}`, out);
    }
  }
}

/** A request's variables, and the defaults its operation declares for those it does not send. */
interface Variables {
  sent: Record<string, unknown>;
  defaults: ReadonlyMap<string, ValueNode>;
}

/** Walks an argument written in the query itself; variables inside it are checked at their place. */
function checkLiteral(node: ValueNode, path: string, variables: Variables, out: FieldError[]): void {
  switch (node.kind) {
    case Kind.STRING:
      if (CONTROL.test(node.value)) out.push(problem(path));
      break;
    case Kind.LIST:
      node.values.forEach((v, i) => checkLiteral(v, `${path}[${i}]`, variables, out));
      break;
    case Kind.OBJECT:
      for (const f of node.fields) checkLiteral(f.value, `${path}.${f.name.value}`, variables, out);
      break;
    case Kind.VARIABLE: {
      const name = node.name.value;
      if (name in variables.sent) checkValue(variables.sent[name], path, out);
      else {
        // A default is written in the document: `query($q: String = "…")`.
        const fallback = variables.defaults.get(name);
        if (fallback) checkLiteral(fallback, path, variables, out);
      }
      break;
    }
  }
}

/** Does an argument's value need reading on each request: a variable in it, or a text with a control character? */
function mayHaveProblems(node: ValueNode): boolean {
  switch (node.kind) {
    case Kind.STRING:
      return CONTROL.test(node.value);
    case Kind.LIST:
      return node.values.some(mayHaveProblems);
    case Kind.OBJECT:
      return node.fields.some((f) => mayHaveProblems(f.value));
    case Kind.VARIABLE:
      return true;
    default:
      return false;
  }
}

/**
 * The arguments of a document worth reading on each request, in the document's order, found once
 * per document (Apollo keeps a parsed document per query text): most carry only variables, or
 * nothing at all to check.
 */
const argumentsToCheck = new WeakMap<DocumentNode, ArgumentNode[]>();
function argumentsOf(document: DocumentNode): ArgumentNode[] {
  let found = argumentsToCheck.get(document);
  if (!found) {
    const list: ArgumentNode[] = [];
    visit(document, {
      enter(node) {
        if (node.kind === Kind.ARGUMENT && mayHaveProblems(node.value)) list.push(node);
      },
    });
    argumentsToCheck.set(document, (found = list));
  }
  return found;
}

/**
 * Every argument value with a control character, named by its path (`name`, `filter.q`): written
 * in the document, sent as a variable, or a variable's default where it is not sent (the defaults
 * of `operation`, the one run; without it, of the document's operations).
 */
export function controlCharacterProblems(document: DocumentNode, sent: Record<string, unknown>, operation?: OperationDefinitionNode): FieldError[] {
  const defaults = new Map<string, ValueNode>();
  const operations = operation ? [operation] : document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  for (const op of operations) {
    for (const v of op.variableDefinitions ?? []) if (v.defaultValue) defaults.set(v.variable.name.value, v.defaultValue);
  }
  const out: FieldError[] = [];
  for (const node of argumentsOf(document)) checkLiteral(node.value, node.name.value, { sent, defaults }, out);
  // A variable used twice is reported once per place; a variable never used is never read.
  return out.filter((p, i) => out.findIndex((q) => q.field === p.field) === i);
}

export function inputGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operation }) {
          const problems = controlCharacterProblems(document, request.variables ?? {}, operation);
          if (problems.length) {
            const error = badInput(problems);
            error.extensions.http = { status: 400 };
            throw error;
          }
        },
      };
    },
  };
}
