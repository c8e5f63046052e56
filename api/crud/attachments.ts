import { createHash } from 'node:crypto';
import DataLoader from 'dataloader';
import { and, asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import { Arg, Ctx, Extensions, Field, FieldResolver, GraphQLISODateTime, ID, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { attachments } from '../../drizzle/schema';
import type { Label } from '../../drizzle/schema/columns';
import { config } from '../config';
import type { Context } from '../context';
import type { Queryable, Tx } from '../db';
import { appError, badInput, notFound, type FieldError } from '../errors';
import { FILE_TYPES, recognize } from '../file-types';
import { currentActor } from '../auth/actor';
import { recordAudit } from './audit';
import { describe, type ResourceModel } from './model';
import type { Records } from './records';
import type { Row } from './resource';
import type { CrudService } from './service';

// Files kept with a record, written once for every record whose definition says `attachments`:
// listed as a field of the record, uploaded and downloaded through the routes beside /graphql
// (api/attachment-routes.ts), deleted by `deleteAttachment`. Each goes through the record's own
// access: writing a file is a change of the record (its service claims it, as a domain operation
// does), reading one needs the record to be readable, and each upload and deletion is in the
// record's history.

export const ATTACHMENT_LABEL: Label = { zh: '附件', en: 'Attachment' };

/** The kinds of file a record takes, or undefined when it takes none. */
export function attachmentKinds(model: ResourceModel): Record<string, Label> | undefined {
  const declared = model.definition.attachments;
  if (!declared) return undefined;
  return declared === true ? {} : declared.kinds;
}

export const takesAttachments = (model: ResourceModel): boolean => Boolean(model.definition.attachments);

/** The largest file, in bytes (ATTACHMENT_MAX_MB). */
export const attachmentMaxBytes = (): number => Math.floor(config.attachmentMaxMb * 1024 * 1024);

export const attachmentTooLarge = () =>
  appError('PAYLOAD_TOO_LARGE', { zh: `附件不能超过 ${config.attachmentMaxMb} MB`, en: `An attachment may be at most ${config.attachmentMaxMb} MB` });

/** Every column but the bytes: what a list or an answer carries. */
const { content: _content, ...described } = getTableColumns(attachments);
type AttachmentRow = Omit<typeof attachments.$inferSelect, 'content'>;

@ObjectType('Attachment', { description: describe(ATTACHMENT_LABEL, 'A file kept with a record; its bytes are downloaded from `url`.') })
export class Attachment {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: 'The record type it belongs to (`Finding`).' })
  resource!: string;

  @Field(() => ID, { description: 'The id of the record it belongs to.' })
  recordId!: number;

  @Field(() => String, { nullable: true, description: '附件类别 (Kind): one of the kinds the record declares (`RECTIFICATION_REPORT`), or null.' })
  kind!: string | null;

  @Field(() => String, { description: '文件名 (File name), as uploaded.' })
  fileName!: string;

  @Field(() => String, { description: '文件类型 (Media type), worked out from the content.' })
  contentType!: string;

  @Field(() => Int, { description: '大小 (Size) in bytes.' })
  size!: number;

  @Field(() => String, { description: 'SHA-256 of the content, hex.' })
  sha256!: string;

  @Field(() => GraphQLISODateTime, { description: '上传时间 (Uploaded at).' })
  uploadedAt!: Date;

  @Field(() => String, { description: '上传人 (Uploaded by): the account’s name.' })
  uploadedBy!: string;

  @Field(() => String, { description: 'Where to download it: `GET` with the same sign-in as /graphql.' })
  url!: string;
}

const asAttachment = (row: AttachmentRow): Attachment => ({ ...row, uploadedBy: row.uploadedByName, url: `/attachments/${row.id}` });

/** One request's attachment loaders, one per record type (a page of records asks once). */
const perRequest = new WeakMap<object, Map<string, DataLoader<number, Attachment[]>>>();

function loaderFor(ctx: Context, model: ResourceModel): DataLoader<number, Attachment[]> {
  let loaders = perRequest.get(ctx.loaders);
  if (!loaders) perRequest.set(ctx.loaders, (loaders = new Map()));
  let loader = loaders.get(model.name);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.db
        .select(described)
        .from(attachments)
        .where(and(eq(attachments.resource, model.name), inArray(attachments.recordId, [...ids])))
        .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
      return ids.map((id) => rows.filter((r) => r.recordId === id).map(asAttachment));
    });
    loaders.set(model.name, loader);
  }
  return loader;
}

/** Adds `attachments` to a record's generated resolver, as the reference fields are added. */
export function addAttachmentField(prototype: object, model: ResourceModel): void {
  const method = 'attachments_list';
  const resolve = (root: Row, ctx: Context) => loaderFor(ctx, model).load(root.id);
  Object.defineProperty(prototype, method, { value: resolve, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(prototype, method)!;
  Root()(prototype, method, 0);
  Ctx()(prototype, method, 1);
  // Its type is not a record's: the read guard learns from here whose data it carries.
  Extensions({ resource: model.name })(prototype, method, descriptor);
  FieldResolver(() => [Attachment], { name: 'attachments', description: describe(ATTACHMENT_LABEL, 'The files kept with this record, oldest first.') })(
    prototype,
    method,
    descriptor,
  );
}

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
  kind?: string | null;
}

/** What the record's history says of a file: its kind and name. */
function historyText(model: ResourceModel, row: { kind: string | null; fileName: string }): string {
  const kind = row.kind ? attachmentKinds(model)?.[row.kind]?.zh : undefined;
  return kind ? `${kind}：${row.fileName}` : row.fileName;
}

/**
 * Keeps a file with a record, for a caller who may change the record: the record is claimed (signed
 * in, locked, authorized) before the file is looked at, then its name, kind, size and content are
 * checked. Nothing is written unless all hold.
 */
export async function attach(tx: Tx, service: CrudService, recordId: unknown, upload: Upload): Promise<Attachment> {
  const { model } = service;
  const record = await service.claim(tx, recordId);
  const kinds = attachmentKinds(model)!;
  const errors: FieldError[] = [];
  const fileName = upload.fileName.trim();
  if (!fileName) errors.push({ field: 'file', rule: 'required', zh: '请选择要上传的文件', en: 'Choose a file to upload' });
  else if ([...fileName].length > 200) errors.push({ field: 'file', rule: 'maxLength', zh: '文件名不能超过 200 个字符', en: 'A file name may be at most 200 characters' });
  // Own keys only: `constructor` or `__proto__` is not a kind.
  if (upload.kind && !Object.hasOwn(kinds, upload.kind)) {
    const known = Object.entries(kinds);
    errors.push({
      field: 'kind',
      rule: 'enum',
      zh: known.length ? `附件类别应为：${known.map(([, l]) => l.zh).join('、')}` : `${model.label.zh}的附件不分类别`,
      en: known.length ? `The kind must be one of ${known.map(([k]) => k).join(', ')}` : `${model.label.en} attachments have no kinds`,
    });
  }
  if (upload.bytes.length > attachmentMaxBytes()) throw attachmentTooLarge();
  if (fileName && !upload.bytes.length) errors.push({ field: 'file', rule: 'required', zh: '文件为空', en: 'The file is empty' });
  const type = recognize(fileName, upload.bytes, config.attachmentTypes);
  if (fileName && upload.bytes.length && !type) {
    const allowed = config.attachmentTypes.filter((t) => FILE_TYPES[t]).map((t) => `.${t}`).join(' ');
    errors.push({
      field: 'file',
      rule: 'type',
      zh: `文件类型不符：只接受 ${allowed}，且文件内容须与扩展名相符`,
      en: `Unsupported file: only ${allowed} are taken, and the content must be what the extension says`,
    });
  }
  if (errors.length) throw badInput(errors);
  const actor = currentActor()!;
  const [row] = await tx
    .insert(attachments)
    .values({
      resource: model.name,
      recordId: record.id,
      kind: upload.kind || null,
      fileName,
      contentType: type!.contentType,
      size: upload.bytes.length,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      content: upload.bytes,
      uploadedById: actor.kind === 'USER' ? actor.id : null,
      // The demo seed's files read as the system's, in the product's language.
      uploadedByName: actor.kind === 'SYSTEM' ? '系统' : actor.name,
    })
    .returning(described);
  // As every write: the system's own (the demo seed) is not a person's change to record.
  if (actor.kind !== 'SYSTEM') await recordAudit(tx, actor, model.name, record.id, 'attach', { attachment: [null, historyText(model, row)] });
  return asAttachment(row);
}

async function find(db: Queryable, id: unknown): Promise<typeof attachments.$inferSelect | undefined> {
  const n = Number(id);
  if (!Number.isSafeInteger(n) || n <= 0) return undefined;
  const [row] = await db.select().from(attachments).where(eq(attachments.id, n));
  return row;
}

/** Removes a file, for a caller who may change its record; recorded in the record's history. */
export async function detach(tx: Tx, records: Records, id: unknown): Promise<Attachment> {
  const row = await find(tx, id);
  const owner = row && records.named(row.resource);
  if (!row || !owner) throw notFound(ATTACHMENT_LABEL, String(id));
  await owner.service.claim(tx, row.recordId);
  await tx.delete(attachments).where(eq(attachments.id, row.id));
  const actor = currentActor()!;
  if (actor.kind !== 'SYSTEM') await recordAudit(tx, actor, owner.model.name, row.recordId, 'detach', { attachment: [historyText(owner.model, row), null] });
  const { content: _bytes, ...kept } = row;
  return asAttachment(kept);
}

/**
 * A file with its bytes, for a caller who may read its record (the record's own read limit, as
 * `X(id)` applies it); NOT_FOUND otherwise, so a file does not tell of a record one may not see.
 */
export async function readAttachment(db: Queryable, records: Records, id: unknown): Promise<{ file: typeof attachments.$inferSelect; model: ResourceModel }> {
  const file = await find(db, id);
  const owner = file && records.named(file.resource);
  if (!file || !owner || !(await owner.service.get(db, file.recordId))) throw notFound(ATTACHMENT_LABEL, String(id));
  return { file, model: owner.model };
}

/** A record's files go with it when it is deleted (in the delete's transaction). */
export async function removeAttachmentsOf(tx: Tx, model: ResourceModel, recordId: number): Promise<void> {
  if (takesAttachments(model)) await tx.delete(attachments).where(and(eq(attachments.resource, model.name), eq(attachments.recordId, recordId)));
}

@Resolver()
export class AttachmentResolver {
  @Mutation(() => Attachment, { description: '删除附件 (Delete an attachment), for those who may change its record; recorded in the record’s history.' })
  deleteAttachment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Attachment> {
    return ctx.db.transaction((tx) => detach(tx, ctx.records, id));
  }
}
