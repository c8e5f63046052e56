import { loginEvents } from '../../../drizzle/schema';
import type { Queryable } from '../../db';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';

export const loginEventResource = defineResource({
  name: 'LoginEvent',
  ui: { title: 'username', display: ['username', 'at'], group: MENU.system, listColumns: ['at', 'username', 'userId', 'result', 'reason', 'address', 'userAgent'] },
  table: loginEvents,
  label: { zh: '登录日志', en: 'Sign-in log' },
  description: {
    zh: '每一次登录尝试（成功或失败）：时间、所填用户名、账号、来源地址、浏览器、结果和原因；从不记录所填密码。由系统自动记录，不能新建、修改或删除；系统管理员可查看全部，其他用户只能查看本人的。',
    en: 'Every sign-in attempt, successful or not: when, the username typed, the account, the address, the browser, the result and why; never the password typed. Kept by the system: no one creates, changes or deletes an entry. Administrators read all of them, everyone else their own.',
  },
  fields: {
    at: { label: { zh: '时间', en: 'Time' } },
    username: { label: { zh: '所填用户名', en: 'Username typed' }, personal: true, help: { zh: '不存在的用户名也如实记录。', en: 'Recorded as typed, also when no account has it.' } },
    userId: { label: { zh: '账号', en: 'Account' }, ui: { related: false } },
    address: { label: { zh: '来源地址', en: 'Address' } },
    userAgent: { label: { zh: '浏览器', en: 'User agent' } },
    result: { label: { zh: '结果', en: 'Result' } },
    reason: { label: { zh: '原因', en: 'Reason' } },
  },
  search: ['username', 'address'],
  // Administrators read everyone's sign-ins; an account reads its own.
  // and so does the audit administrator (三员).
  access: { writers: 'ADMIN', readers: ['AUDIT_ADMIN'], privateTo: 'userId' },
  writtenByServer: true,
});

export type LoginEventInput = Pick<typeof loginEvents.$inferInsert, 'username' | 'userId' | 'address' | 'userAgent' | 'result' | 'reason'>;

/**
 * Logs one sign-in attempt, outside any transaction of the attempt: a refused sign-in writes
 * nothing else, but its entry stays.
 */
export async function recordLoginEvent(db: Queryable, event: LoginEventInput): Promise<void> {
  await db.insert(loginEvents).values({
    ...event,
    username: event.username.slice(0, 100),
    address: event.address?.slice(0, 100) ?? null,
    userAgent: event.userAgent?.slice(0, 300) ?? null,
  });
}
