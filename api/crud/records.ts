import { buildResourceTypes, type ResourceTypes } from './graphql-types';
import { buildModels, type ResourceModel } from './model';
import { createCrudResolver } from './resolver';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { ResourceDefinition } from './resource';
import { CrudService } from './service';

/**
 * Every record of the API, built from its definitions once: the model (columns, labels, rules),
 * the GraphQL types, the service every write goes through and the generated resolver. Code reaches
 * another record by its definition (`records.of(findingResource)`), never by a name in a string,
 * so a renamed or removed record is a compile error, not a failure at run time.
 */
export class Records {
  readonly models: ResourceModel[];
  private readonly byDefinition = new Map<ResourceDefinition, Built>();
  private readonly byName = new Map<string, Built>();

  constructor(definitions: ResourceDefinition[]) {
    this.models = buildModels(definitions);
    for (const model of this.models) {
      const built: Built = { model, types: buildResourceTypes(model), service: new CrudService(model, this) };
      this.byDefinition.set(model.definition, built);
      this.byName.set(model.name, built);
    }
  }

  /** The service of a record: reads, and writes under its rules, access and audit, its rows typed as its table. */
  of<T extends PgTable>(definition: ResourceDefinition<T>): CrudService<T> {
    // Built from this very definition, so from its table.
    return this.built(definition).service as CrudService<T>;
  }

  model(definition: ResourceDefinition): ResourceModel {
    return this.built(definition).model;
  }

  /** The GraphQL types of a record (object, inputs, filter), for a domain operation's signature. */
  types(definition: ResourceDefinition): ResourceTypes {
    return this.built(definition).types;
  }

  /**
   * The record a client named, by GraphQL type name (`myRecordPermissions(resource: "Delegation")`,
   * a history entry's resource): input from outside, so an unknown name is `undefined`, not a throw.
   */
  named(name: string): { model: ResourceModel; service: CrudService; types: ResourceTypes } | undefined {
    return this.byName.get(name);
  }

  /** The generated grammar of a record; a definition's own `resolvers` extend it. */
  crudResolver(definition: ResourceDefinition) {
    const built = this.built(definition);
    built.resolver ??= createCrudResolver(built.model, built.service, this);
    return built.resolver;
  }

  private built(definition: ResourceDefinition): Built {
    const built = this.byDefinition.get(definition);
    if (!built) throw new Error(`${definition.name} is not among the registered records (api/resources/index.ts)`);
    return built;
  }
}

interface Built {
  model: ResourceModel;
  types: ResourceTypes;
  service: CrudService;
  resolver?: ReturnType<typeof createCrudResolver>;
}
