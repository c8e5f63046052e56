import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import type { Records } from './records';
import type { CrudService } from './service';
import { BulkResult, ListMetadata, MAX_PER_PAGE } from './list-metadata';
import { targetOf, type ResourceModel } from './model';
import { addRelationFields } from './relations';
import { addAttachmentField, takesAttachments } from './attachments';
import { offersWrite, type Row } from './resource';
import { readOf } from './json-read';

type Args = Record<string, unknown>;

const PRESET_ARG_TYPES = { int: Int, string: String } as const;

function defined(args: object): Args {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
}

/**
 * The react-admin grammar for one resource, written once:
 * `X(id)`, `allXs`, `_allXsMeta`, `createX`, `updateX`, `deleteX`, `updateXs`, `deleteXs`,
 * plus one field per reference (`recipientId` → `recipient { … }`) loaded in batches.
 * A resource's own resolver extends the returned class and adds only its domain operations.
 */
export function createCrudResolver(
  model: ResourceModel,
  service: CrudService,
  records: Records,
) {
  const types = records.named(model.name)!.types;
  const models = records.models;
  const { name, plural } = model;

  /** The statement's select list for what this field of the query asks (compiled once per document). */
  const readFor = (ctx: Context, info: GraphQLResolveInfo) => readOf(ctx, model, info);

  @Resolver(() => types.ObjectType)
  abstract class CrudResolver {
    @Query(() => types.ObjectType, { name, nullable: true, description: `One ${name} by id, or null.` })
    async getOne(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
      return service.getAs(ctx.db, id, readFor(ctx, info));
    }

    @Query(() => [types.ObjectType], { name: `all${plural}`, description: `A page of ${plural}, filtered and sorted.` })
    async getList(@Args(() => types.ListArgs) args: Args, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
      return service.listAs(ctx.db, args, readFor(ctx, info));
    }

    @Query(() => ListMetadata, { name: `_all${plural}Meta`, description: `How many ${plural} match the filter.` })
    async getListMeta(@Args(() => types.MetaArgs) args: Args, @Ctx() ctx: Context) {
      return { count: await service.count(ctx.db, args.filter as Args | undefined) };
    }

    async create(args: Args, ctx: Context) {
      return ctx.db.transaction((tx) => service.create(tx, defined(args)));
    }

    async update(args: Args, ctx: Context) {
      const { id, version, ...rest } = defined(args);
      return ctx.db.transaction((tx) => service.update(tx, id, rest, version as number | undefined));
    }

    async remove(id: string, ctx: Context) {
      return ctx.db.transaction((tx) => service.remove(tx, id));
    }

    async updateMany(ids: string[], data: Args, ctx: Context) {
      const done = await ctx.db.transaction((tx) => service.updateMany(tx, ids, defined(data)));
      return { ids: done };
    }

    async removeMany(ids: string[], ctx: Context) {
      return { ids: await ctx.db.transaction((tx) => service.removeMany(tx, ids)) };
    }
  }

  // The writes the record offers: none when the server alone writes it (a sign-in log), none of
  // those its definition switches off (an API token's secret is set only by issuing it), rather
  // than mutations that always refuse.
  const proto = CrudResolver.prototype;
  const mutation = (method: keyof typeof proto, params: ((target: object, key: string, index: number) => void)[], options: Parameters<typeof Mutation>[1], returns: () => Function) => {
    params.forEach((decorate, i) => decorate(proto, method, i));
    Mutation(returns, options)(proto, method, Object.getOwnPropertyDescriptor(proto, method)!);
  };
  if (offersWrite(model.definition, 'create')) {
    mutation('create', [Args(() => types.CreateArgs), Ctx()], { name: `create${name}`, description: `Create a ${name}.` }, () => types.ObjectType);
  }
  if (offersWrite(model.definition, 'update')) {
    mutation('update', [Args(() => types.UpdateArgs), Ctx()], { name: `update${name}`, description: `Change a ${name}; absent fields stay as they are.` }, () => types.ObjectType);
    mutation(
      'updateMany',
      [Arg('ids', () => [ID]), Arg('data', () => types.BulkUpdateInput), Ctx()],
      { name: `update${plural}`, description: `Set the same fields on several ${plural}, all or none.` },
      () => BulkResult,
    );
  }
  if (offersWrite(model.definition, 'delete')) {
    mutation('remove', [Arg('id', () => ID), Ctx()], { name: `delete${name}`, description: `Delete a ${name}; returns it as it was.` }, () => types.ObjectType);
    mutation('removeMany', [Arg('ids', () => [ID]), Ctx()], { name: `delete${plural}`, description: `Delete several ${plural}, all or none.` }, () => BulkResult);
  }

  // Preset lists (overdue findings, staff without a valid certificate): `allXs` with a fixed
  // filter and order under a name of their own, declared with the record.
  for (const [presetName, preset] of Object.entries(model.definition.presets ?? {})) {
    const method = `preset_${presetName}`;
    const params = Object.entries(preset.args ?? {});
    const run = function (...values: unknown[]) {
      const ctx = values[params.length] as Context;
      const info = values[params.length + 1] as GraphQLResolveInfo;
      const filter = { ...preset.filter, ...Object.fromEntries(params.map(([key], i) => [key, values[i]])) };
      return service.listAs(ctx.db, { filter, sortField: preset.sortField, sortOrder: preset.sortOrder, perPage: MAX_PER_PAGE }, readFor(ctx, info));
    };
    Object.defineProperty(CrudResolver.prototype, method, { value: run, writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(CrudResolver.prototype, method)!;
    params.forEach(([key, arg], i) => Arg(key, () => PRESET_ARG_TYPES[arg.type], { description: arg.description })(CrudResolver.prototype, method, i));
    Ctx()(CrudResolver.prototype, method, params.length);
    Info()(CrudResolver.prototype, method, params.length + 1);
    Query(() => [types.ObjectType], { name: presetName, description: preset.description })(CrudResolver.prototype, method, descriptor);
  }

  // One field resolver per reference, added by calling the decorators: their number and names come
  // from the table's foreign keys.
  for (const field of model.fields) {
    if (field.kind !== 'reference') continue;
    const target = targetOf(models, field);
    const method = `resolve_${field.objectField}`;
    const resolve = function (root: Row, ctx: Context) {
      // Read by the statement that read the row (json-read.ts), or else by a batch loader.
      if (field.objectField! in root) return root[field.objectField!];
      const id = root[field.key] as number | null;
      return id === null || id === undefined ? null : ctx.loaders.ofModel(target).load(id);
    };
    Object.defineProperty(CrudResolver.prototype, method, { value: resolve, writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(CrudResolver.prototype, method)!;
    Root()(CrudResolver.prototype, method, 0);
    Ctx()(CrudResolver.prototype, method, 1);
    FieldResolver(() => records.named(target.name)!.types.ObjectType, {
      name: field.objectField,
      nullable: field.nullable,
      description: `${field.label.zh} (${field.label.en}): the ${target.name} that ${field.key} points at.`,
    })(CrudResolver.prototype, method, descriptor);
  }

  // The records that point at this one (a street's delegations, a person's certificates).
  addRelationFields(CrudResolver.prototype, model, records);
  // The files kept with it (a finding's 整改报告), when its definition takes them.
  if (takesAttachments(model)) addAttachmentField(CrudResolver.prototype, model);

  return CrudResolver;
}
