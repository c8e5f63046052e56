import { Field, ID, Int, ObjectType } from 'type-graphql';

/** Largest page a list query serves; bigger reads page through. */
export const MAX_PER_PAGE = 1000;
export const DEFAULT_PER_PAGE = 100;
/** A list inside a record (a street's delegations) starts at this page unless `perPage` asks for more. */
export const NESTED_PER_PAGE = 10;

@ObjectType('ListMetadata', { description: 'Size of a filtered list (react-admin reads `count` as the total).' })
export class ListMetadata {
  @Field(() => Int, { description: 'Number of records matching the filter.' })
  count!: number;
}

@ObjectType('BulkResult', { description: 'The records a bulk update or delete changed.' })
export class BulkResult {
  @Field(() => [ID], { description: 'Ids of the records changed.' })
  ids!: string[];
}
