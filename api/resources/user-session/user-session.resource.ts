import { sql } from 'drizzle-orm';
import { userSessions } from '../../../drizzle/schema';
import { config } from '../../config';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';
import { userSessionResolvers } from './user-session.resolver';

export const userSessionResource = defineResource({
  name: 'UserSession',
  ui: { display: ['userId', 'startedAt'], group: MENU.system, listColumns: ['userId', 'startedAt', 'lastSeenAt', 'expiresAt', 'address', 'online', 'endedBy'] },
  table: userSessions,
  label: { zh: '在线用户', en: 'Session' },
  description: {
    zh: '每次登录成功产生的会话：何时登录、最近一次操作、何时到期、来源地址和浏览器；退出、被强制下线或空闲超时后结束。系统管理员可强制任一会话下线，在每台服务器上于下一次请求时生效；其他用户只能查看和结束本人的会话。',
    en: 'The session each successful sign-in opens: when it began, its last request, when it expires, its address and browser; it ends when signed out, forced out or idle too long. Administrators can end any session (it stops at its next request on every server); everyone else sees and ends their own.',
  },
  fields: {
    userId: { label: { zh: '账号', en: 'Account' }, ui: { related: false } },
    startedAt: { label: { zh: '登录时间', en: 'Signed in' } },
    lastSeenAt: { label: { zh: '最近操作', en: 'Last request' }, help: { zh: '约每分钟记录一次；空闲超时从此计算。', en: 'Recorded about once a minute; the idle timeout counts from it.' } },
    expiresAt: { label: { zh: '到期时间', en: 'Expires' } },
    address: { label: { zh: '来源地址', en: 'Address' } },
    userAgent: { label: { zh: '浏览器', en: 'User agent' } },
    endedAt: { label: { zh: '结束时间', en: 'Ended' } },
    endedBy: { label: { zh: '结束方式', en: 'Ended by' } },
    endedById: { label: { zh: '强制下线人', en: 'Signed out by' }, ui: { related: false } },
  },
  computed: {
    online: {
      label: { zh: '在线', en: 'Online' },
      help: { zh: '未结束、未到期且未空闲超时。', en: 'Not ended, not expired, not idle too long.' },
      type: 'boolean',
      beside: 'expiresAt',
      // Built at query time: "now" and the idle timeout as configured.
      sql: () =>
        sql`(${userSessions.endedAt} is null and ${userSessions.expiresAt} > now() and ${userSessions.lastSeenAt} > now() - make_interval(mins => ${config.sessionIdleMinutes}::int))`,
    },
  },
  search: ['address', 'userAgent'],
  access: { writers: 'SECURITY_ADMIN', readers: ['AUDIT_ADMIN'], privateTo: 'userId' },
  writtenByServer: true,
  resolvers: userSessionResolvers,
});
