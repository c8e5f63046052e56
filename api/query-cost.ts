import { getNamedType, GraphQLError, isListType, isNonNullType, isObjectType, Kind, type DocumentNode, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
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

export function queryCostPlugin(limit: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // The operation Apollo will run, alone with the fragments: counted whatever name the
          // request gave. None found (an unknown or empty name): nothing runs, graphql-js refuses it.
          if (!operation) return;
          const alone: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
          let cost: number;
          try {
            cost = queryCost(schema, alone, request.variables ?? {});
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
