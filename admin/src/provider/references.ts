import type { DataProvider } from 'react-admin';
import { resources, type ResourceMetadata } from '../metadata';
import { readFields } from './record-name';

// Two adjustments to the stock ra-data-graphql-simple provider about references, written once for
// every resource from the metadata:
// - a record arrives with both `catalogId` and `catalog { id }`; on save, the stock provider turns
//   the object into `catalogId` again and so sends the id the record was loaded with, losing the
//   edit. What the form holds is the flat id, so the object goes.
// - reads select what names each referenced record (not only its id), so titles, columns and
//   pickers show names without a request per row.

const byName = new Map(resources.map((r) => [r.name, r]));

/** The data of a create or update without the loaded reference objects the form's ids replace. */
export function withoutLoadedReferences(resource: ResourceMetadata, data: Record<string, unknown>): Record<string, unknown> {
  const out = { ...data };
  for (const f of resource.fields) {
    if (f.kind === 'reference' && f.name in out) {
      delete out[f.objectField!];
      delete out[`${f.objectField}.id`];
    }
  }
  return out;
}

/**
 * The provider with both adjustments. `typeFields` lists the GraphQL fields of a resource's type
 * (from the introspection the provider was built with).
 */
export function withReferences(provider: DataProvider, typeFields: (resource: string) => string[]): DataProvider {
  const read =
    (method: 'getList' | 'getOne' | 'getMany' | 'getManyReference') =>
    (resource: string, params: any) => {
      const meta = byName.get(resource);
      // A fresh object each time: the stock provider deletes `sparseFields` from the meta it is given.
      const sparse = meta ? { meta: { ...params.meta, sparseFields: readFields(meta, typeFields(resource)) } } : {};
      return (provider[method] as (r: string, p: unknown) => Promise<any>)(resource, { ...params, ...sparse });
    };
  const clean = (resource: string, data: any) => {
    const meta = byName.get(resource);
    return meta && data ? withoutLoadedReferences(meta, data) : data;
  };
  return {
    ...provider,
    getList: read('getList'),
    getOne: read('getOne'),
    getMany: read('getMany'),
    getManyReference: read('getManyReference'),
    create: (resource, params) => provider.create(resource, { ...params, data: clean(resource, params.data) }),
    update: (resource, params) => provider.update(resource, { ...params, data: clean(resource, params.data) }),
    updateMany: (resource, params) => provider.updateMany(resource, { ...params, data: clean(resource, params.data) }),
  } as DataProvider;
}
