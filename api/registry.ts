import 'reflect-metadata';
import { CrudService } from './crud/crud.service';
import { buildAllTypes, createCrudResolver } from './crud/crud.resolver';
import { buildModels, type ResourceModel } from './crud/model';
import { resourceDefinitions } from './resources';

// type-graphql keeps its metadata in one global store, so the generated types and resolvers are
// built once per process, here, and shared by the server, the schema emitter, the seed and tests.
export const models: ResourceModel[] = buildModels(resourceDefinitions);
export const resourceTypes = buildAllTypes(models);
const services = new Map(models.map((m) => [m.name, new CrudService(m, models)]));

export function modelOf(name: string): ResourceModel {
  const model = models.find((m) => m.name === name);
  if (!model) throw new Error(`Unknown resource ${name}`);
  return model;
}

export function serviceOf(name: string): CrudService {
  return services.get(modelOf(name).name)!;
}

export function typesOf(name: string) {
  return resourceTypes.get(modelOf(name).name)!;
}

const crudResolvers = new Map<string, ReturnType<typeof createCrudResolver>>();

/** The generated CRUD resolver of a resource; a domain resolver extends it. */
export function crudResolverOf(name: string) {
  let resolver = crudResolvers.get(name);
  if (!resolver) {
    resolver = createCrudResolver(modelOf(name), serviceOf(name), models, resourceTypes);
    crudResolvers.set(name, resolver);
  }
  return resolver;
}
