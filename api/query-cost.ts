import { getNamedType, GraphQLError, isListType, isNonNullType, isObjectType, Kind, visit, type DocumentNode, type GraphQLOutputType, type GraphQLSchema, type OperationDefinitionNode, type ValueNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { appError } from './errors';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, NESTED_PER_PAGE } from './crud/list-metadata';

// What a query costs, known before it runs: every field costs 1, and a list of records costs its
// selection once per row it may return. A row count comes from the page the query asks for
// (`perPage`, the default page when absent, or the number of `ids`), so 30 aliases of a
// 1,000-row page with references are refused where a depth or alias limit alone would let them in.
// Lists without paging are counted at the default page size at the root (reports, histories) and at
// ten rows inside a record (its own parts), and lists of a fixed length at the length they declare.

/**
 * A list inside a record without a page size (a diff's items per street, an entry's changed
 * fields, a street's delegations) is counted at this size: its own parts, or the short first page
 * a reverse relation serves by default.
 */
const NESTED_LIST_ROWS = NESTED_PER_PAGE;

function rowsOf(args: Record<string, unknown>, atRoot: boolean): number {
  if (typeof args.perPage === 'number') return Math.min(Math.max(args.perPage, 1), MAX_PER_PAGE);
  const ids = (args.filter as { ids?: unknown } | undefined)?.ids;
  if (Array.isArray(ids)) return Math.min(Math.max(ids.length, 1), MAX_PER_PAGE);
  return atRoot ? DEFAULT_PER_PAGE : NESTED_LIST_ROWS;
}

function isObjectList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) && isObjectType(getNamedType(inner));
}

const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection reads the schema, not the data: clients (the admin's data provider among them) ask for all of it.
  if (field.name.startsWith('__')) return 0;
  if (!isObjectList(field.type)) return 1 + childComplexity;
  // A list of fixed length declares it (`@Extensions({ rows: 6 })`).
  const declared = field.extensions?.rows;
  const atRoot = type.name === 'Query' || type.name === 'Mutation';
  return (typeof declared === 'number' ? declared : rowsOf(args, atRoot)) * (1 + childComplexity);
};

/** The cost of an operation as the limit counts it (also used by tests and the README's table). */
export function queryCost(schema: GraphQLSchema, query: Parameters<typeof getComplexity>[0]['query'], variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query, variables, operationName, estimators: [estimator] });
}

/**
 * The variables an operation's cost depends on: those the estimator reads (`rowsOf`: `perPage`,
 * and `filter.ids` or a whole filter given as one variable), and those of directives
 * (`@include(if: $x)` decides whether a field is counted at all). An id, a page number or a search
 * word changes nothing, so a read by id sent with a new id each time has one cost.
 */
function costVariables(alone: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: ValueNode) =>
    visit(node, {
      enter(n) {
        if (n.kind === Kind.VARIABLE) names.add(n.name.value);
      },
    });
  visit(alone, {
    Directive(directive) {
      for (const arg of directive.arguments ?? []) collect(arg.value);
      return false;
    },
    Argument(arg) {
      if (arg.name.value === 'perPage') collect(arg.value);
      else if (arg.name.value === 'filter') {
        if (arg.value.kind === Kind.OBJECT) {
          for (const f of arg.value.fields) if (f.name.value === 'ids') collect(f.value);
        }
        else collect(arg.value);
      }
      return false;
    },
  });
  return [...names].sort();
}

/**
 * Costs already counted, per document (as Apollo keeps it parsed) and operation: the operation
 * alone with the fragments, its cost variables, and the cost for each set of their values seen (a
 * few kept, forgotten all at once).
 */
const counted = new WeakMap<DocumentNode, Map<OperationDefinitionNode, { alone: DocumentNode; variables: string[]; costs: Map<string, number> }>>();
const COSTS_PER_OPERATION = 100;

function costOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  let perDocument = counted.get(document);
  if (!perDocument) counted.set(document, (perDocument = new Map()));
  let known = perDocument.get(operation);
  if (!known) {
    const alone: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
    perDocument.set(operation, (known = { alone, variables: costVariables(alone), costs: new Map() }));
  }
  // Given or not, not only the value: an absent variable takes its default, an explicit null does not.
  const key = JSON.stringify(known.variables.map((v) => (Object.hasOwn(variables, v) ? [variables[v]] : [])));
  const cached = known.costs.get(key);
  if (cached !== undefined) return cached;
  // Throws on variables that do not fit their types; nothing is kept then.
  const cost = queryCost(schema, known.alone, variables);
  if (known.costs.size >= COSTS_PER_OPERATION) known.costs.clear();
  known.costs.set(key, cost);
  return cost;
}

export function queryCostPlugin(limit: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // The operation Apollo will run, alone with the fragments: counted whatever name the
          // request gave. None found (an unknown or empty name): nothing runs, graphql-js refuses it.
          if (!operation) return;
          let cost: number;
          try {
            cost = costOf(schema, document, operation, request.variables ?? {});
          } catch (e) {
            // Variables that do not fit their types: execution refuses them next, argument by argument.
            if (e instanceof GraphQLError) return;
            throw appError('COST_LIMIT', { zh: '无法估算查询的复杂度', en: 'The query’s cost cannot be estimated' }, { maxCost: limit, http: { status: 400 } });
          }
          if (cost > limit) {
            throw appError(
              'COST_LIMIT',
              {
                zh: `查询过于复杂（估算 ${cost}，上限 ${limit}）：请减少每页条数、字段或别名，或分次查询`,
                en: `The query is too costly (estimated ${cost}, limit ${limit}): ask for smaller pages, fewer fields or aliases, or split it`,
              },
              { cost, maxCost: limit, http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}
