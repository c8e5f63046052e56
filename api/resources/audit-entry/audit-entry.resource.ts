import { auditEntries } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';
import { auditEntryResolvers } from './audit-entry.resolver';

export const auditEntryResource = defineResource({
  name: 'AuditEntry',
  ui: {
    display: ['resource', 'recordId', 'operation'],
    group: MENU.system,
    listColumns: ['at', 'actorName', 'operation', 'resource', 'recordId', 'via'],
  },
  table: auditEntries,
  label: { zh: '操作审计', en: 'Audit trail' },
  description: {
    zh: '每一次通过系统做出的修改：时间、操作人、操作（新建、修改、删除等）、对象（记录类型和编号）、途径以及逐字段的修改前后值。由系统在修改的同一事务中自动记录，不能新建、修改或删除；每条记录带有与上一条相链的哈希值（SM3，平台不支持时为 SHA-256），可核验是否被篡改或删除；保存期不少于 180 天。全县系统管理员可查看全部，其他用户可查看本人的操作，以及各自可查看记录的修改记录。',
    en: 'Every change made through the system: when, by whom, the operation (create, update, delete…), its object (the record type and id), how it was made, and each field before and after. Written by the system in the same transaction as the change; no one creates, changes or deletes an entry. Each entry carries a hash chained to the previous one (SM3, or SHA-256 where the platform lacks it), which verifyAuditChain checks for alteration or deletion; entries are kept at least 180 days. County administrators read all of them, everyone else their own actions, and the history of the records they may read.',
  },
  fields: {
    // Orders the change feed (api/sync/); the database's own number, of no use to a reader.
    txId: { label: { zh: '事务号', en: 'Transaction id' }, hidden: true },
    at: { label: { zh: '时间', en: 'Time' } },
    actorKind: { label: { zh: '操作人类型', en: 'Actor kind' }, help: { zh: '登录的账号，或系统本身（初始化、定时任务）。', en: 'USER: a signed-in account; SYSTEM: the system itself (seeding, scheduled jobs).' } },
    actorId: { label: { zh: '操作人编号', en: 'Actor id' }, help: { zh: '操作账号的编号。', en: 'The id of the account that acted.' } },
    actorName: { label: { zh: '操作人', en: 'Actor' }, help: { zh: '操作时的用户名。', en: 'The username at the time.' } },
    operation: { label: { zh: '操作', en: 'Operation' }, help: { zh: '新建、修改、删除，或清理过期审计记录。', en: 'create, update, delete, or purge (expired audit entries removed).' } },
    resource: { label: { zh: '对象类型', en: 'Record type' }, help: { zh: '被修改记录的类型（英文类型名）。', en: 'The type of the record changed (its GraphQL type name).' } },
    recordId: { label: { zh: '对象编号', en: 'Record id' } },
    // A JSON document, read through `changes` and `fieldChanges` (the resolvers below).
    changes: { label: { zh: '修改内容', en: 'Changes' }, hidden: true },
    via: { label: { zh: '途径', en: 'Made through' }, help: { zh: '经由导入时为导入任务，表单修改时为空。', en: 'An import job (`import:12`), or empty for a change made in a form.' } },
    hashAlgorithm: { label: { zh: '哈希算法', en: 'Hash algorithm' } },
    previousHash: { label: { zh: '上一条哈希', en: 'Previous hash' } },
    hash: { label: { zh: '哈希值', en: 'Hash' }, help: { zh: '本条内容与上一条哈希值的哈希。', en: 'The hash of this entry’s content and of the previous entry’s hash.' } },
    // Whether the hash covers the transaction id (2) or not (1, entries chained before it did).
    hashVersion: { label: { zh: '哈希版本', en: 'Hash version' }, hidden: true },
  },
  search: ['actorName', 'resource', 'operation'],
  resolvedFields: {
    atLocal: { label: { zh: '时间（本地）', en: 'Local time' }, help: { en: 'When, as the clock of the configured zone (TZ) reads: YYYY-MM-DD HH:mm:ss.', zh: '按配置时区（TZ）显示的时间：YYYY-MM-DD HH:mm:ss。' } },
    fieldChanges: { label: { zh: '字段变化', en: 'Field changes' } },
    changes: { label: { zh: '修改内容', en: 'Changes' }, help: { zh: '每个变化字段的 [修改前, 修改后]。', en: '{ field: [before, after] } for every field that changed.' } },
  },
  // County administrators and the audit administrator (三员) read every entry; others their own actions.
  access: { writers: 'ADMIN', readers: ['AUDIT_ADMIN'], privateTo: 'actorId' },
  writtenByServer: true,
  resolvers: auditEntryResolvers,
});
