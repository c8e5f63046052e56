import { apiTokens } from '../../../drizzle/schema';
import { defineResource, type WriteContext } from '../../crud/resource';
import { MENU } from '../menu';
import { apiTokenResolvers } from './api-token.resolver';

/**
 * What a token may be given to read: a record anyone signed in may read (not the tokens themselves,
 * which only their issuers read).
 */
async function knownScopes(ctx: WriteContext): Promise<void> {
  if (ctx.errors.has('scopes')) return;
  const scopes = (ctx.after.scopes as string[] | null) ?? [];
  const unknown = scopes.filter((s) => {
    const named = ctx.records.named(s);
    return !named || named.model.definition.access?.confidential === true;
  });
  if (!scopes.length || unknown.length) {
    ctx.errors.add('scopes', 'scope', `可读资源无效：${unknown.join('、') || '为空'}`, `Invalid scopes: ${unknown.join(', ') || 'none given'}`);
  }
}

/** A token is issued to work from now until a later day. */
async function futureExpiry(ctx: WriteContext): Promise<void> {
  const expiresAt = ctx.after.expiresAt;
  if (ctx.operation !== 'create' || ctx.errors.has('expiresAt') || !(expiresAt instanceof Date)) return;
  if (!(expiresAt.getTime() > Date.now())) ctx.errors.add('expiresAt', 'future', '有效期应晚于现在', 'The expiry must be in the future');
}

export const apiTokenResource = defineResource({
  name: 'ApiToken',
  ui: { title: 'name', group: MENU.system, listColumns: ['name', 'scopes', 'personalData', 'expiresAt', 'revokedAt', 'createdAt'] },
  table: apiTokens,
  label: { zh: 'API 令牌', en: 'API token' },
  description: {
    zh: '供其他政府系统调用本系统的只读令牌：可读哪些资源、能否读取个人信息、有效期至何时。签发时生成密钥，只显示这一次，系统只保存其摘要；吊销后立即失效。只有全县系统管理员可以签发、查看和吊销。',
    en: 'A read-only token for another government system: which records it may read, whether it reads personal data unmasked, until when. Its secret is made when it is issued and shown that once; only a hash is kept. Revoked, it stops working at once. County administrators alone issue, read and revoke tokens.',
  },
  fields: {
    name: { label: { zh: '名称', en: 'Name' }, help: { zh: '使用该令牌的系统。', en: 'The system that uses it.' } },
    // Only its SHA-256 is stored (api/auth/api-tokens.ts); it never leaves the server.
    secretHash: { label: { zh: '密钥摘要', en: 'Secret hash' }, hidden: true },
    scopes: {
      label: { zh: '可读资源', en: 'Readable resources' },
      help: { zh: '令牌可以读取的记录类别，按接口中的类型名记录。', en: 'Resource names (GraphQL types), e.g. Delegation, LiaisonContact.' },
    },
    personalData: {
      label: { zh: '可读个人信息', en: 'Personal data' },
      help: { zh: '不选则姓名、电话等个人信息打码显示。', en: 'Without it, names and phone numbers are masked.' },
    },
    expiresAt: { label: { zh: '有效期至', en: 'Expires' } },
    revokedAt: { label: { zh: '吊销时间', en: 'Revoked at' }, readOnly: true, help: { zh: '吊销后令牌从下一次请求起失效。', en: 'Set by revokeApiToken; the token is refused from its next request on.' } },
    createdById: { label: { zh: '签发人', en: 'Issued by' }, readOnly: true, ui: { related: false } },
  },
  search: ['name'],
  // The security administrator (三员: token scopes) and the county administrator issue, read and
  // revoke tokens; the audit administrator reads them; no one else reads them at all.
  access: { writers: ['ADMIN', 'SECURITY_ADMIN'], readers: ['AUDIT_ADMIN'], confidential: true },
  // Issued (with a secret the server makes) and revoked, never created, edited or deleted as such.
  writes: { create: false, update: false, delete: false },
  rules: [knownScopes, futureExpiry],
  resolvers: apiTokenResolvers,
});
