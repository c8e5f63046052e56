import { and, ne, sql } from 'drizzle-orm';
import { users } from '../../../drizzle/schema';
import { currentActor } from '../../auth/actor';
import { forbidden } from '../../errors';
import { holdAdvisoryLock } from '../../crud/advisory-locks';
import { mayRun } from '../../crud/authorize';
import { defineResource, derive } from '../../crud/resource';
import { hashPassword, passwordProblem } from '../../auth/password';
import { userResolvers } from './auth.resolver';
import { ADMINISTRATORS, refusePrivilegedAccount } from './privileged-accounts';
import { MENU } from '../menu';

/** The three administrators of 三员分立. */


const ADMIN_LABELS: Record<string, { zh: string; en: string }> = {
  SYSTEM_ADMIN: { zh: '系统管理员', en: 'System administrator' },
  SECURITY_ADMIN: { zh: '安全管理员', en: 'Security administrator' },
  AUDIT_ADMIN: { zh: '审计管理员', en: 'Audit administrator' },
};

export const userResource = defineResource({
  name: 'User',
  ui: { title: 'username', display: ['username', 'displayName'], group: MENU.accounts },
  table: users,
  label: { zh: '用户', en: 'User' },
  description: {
    zh: '后台账号：角色决定可修改哪类记录，所属街道或乡镇的账号只能修改本单位的记录。密码在新建时设定，或由管理员、本人重新设置，从不返回。',
    en: 'An account of the back office: its role decides which records it may change, and an account of a street or township changes only its own. The password is given at creation or set again (setUserPassword) by an administrator or the user, and never returned.',
  },
  fields: {
    username: { label: { zh: '用户名', en: 'Username' }, personal: true, help: { zh: '2–50 位字母、数字或 _ . -', en: '2 to 50 letters, digits or _ . -' } },
    displayName: { label: { zh: '姓名', en: 'Display name' }, personal: true },
    role: {
      label: { zh: '角色', en: 'Role' },
      help: {
        zh: '目录编辑改赋权目录与名录，人事管理改人员记录，执法监督改督导记录，系统管理员改全部，只读用户不能修改。三员分立：系统管理员（三员）管理账号与机构，安全管理员授予角色、解除锁定、停用动态验证码，审计管理员只查看审计记录、登录日志和在线用户；同一人不能兼任其中两种。角色由安全管理员授予。',
        en: 'Catalog editors change catalogs and directories, HR staff records, supervisors supervision records, administrators everything; viewers change nothing. Three separate administrators: the system administrator manages accounts and organizations, the security administrator gives roles, unlocks accounts and disables second factors, the audit administrator only reads the audit trail, the sign-in log and the sessions; no one person holds two of them. Roles are given by the security administrator.',
      },
    },
    organizationId: {
      label: { zh: '所属机构', en: 'Organization' },
      help: { zh: '街道、乡镇的账号只能修改本单位的记录；留空为全县账号。', en: 'A street or township account changes only its own records; empty for county-wide accounts.' },
      // Accounts are the administrators' business: an organization's page does not list them
      // (anyone else would see only their own); the API still answers Organization.users.
      ui: { related: false },
    },
    active: { label: { zh: '启用', en: 'Active' }, help: { zh: '停用后该账号的登录立即失效。', en: 'A disabled account’s sessions stop working at once.' } },
    passwordHash: { label: { zh: '密码摘要', en: 'Password hash' }, hidden: true },
    lastLoginAt: { label: { zh: '最近登录', en: 'Last sign-in' }, readOnly: true },
    sessionsValidFrom: { label: { zh: '会话起效时间', en: 'Sessions valid from' }, hidden: true },
    passwordChangedAt: {
      label: { zh: '密码设置时间', en: 'Password set' },
      readOnly: true,
      help: { zh: '密码有效期（默认 90 天）从此计算；为空则尚未开始计算（演示账号）。', en: 'The password’s age (90 days by default) counts from it; empty: not counted yet (the demo accounts).' },
    },
    mustChangePassword: {
      label: { zh: '须修改密码', en: 'Must change password' },
      readOnly: true,
      help: { zh: '由管理员设置的密码，本人下次登录时须先修改。', en: 'A password an administrator set: the user must change it at the next sign-in.' },
    },
    passwordHistory: { label: { zh: '历史密码摘要', en: 'Previous password hashes' }, hidden: true },
    totpSecret: { label: { zh: '动态验证码密钥', en: 'Second-factor secret' }, hidden: true },
    totpPendingSecret: { label: { zh: '待确认的动态验证码密钥', en: 'Second-factor secret being enrolled' }, hidden: true },
    totpEnabledAt: {
      label: { zh: '动态验证码启用时间', en: 'Second factor enabled' },
      readOnly: true,
      help: { zh: '绑定身份验证器（TOTP）后登录须输入动态验证码；为空则未启用。', en: 'Once an authenticator app (TOTP) is enrolled, signing in asks its code; empty: none.' },
    },
    totpLastStep: { label: { zh: '最近使用的验证码时段', en: 'Last code step used' }, hidden: true },
    recoveryCodeHashes: { label: { zh: '恢复码摘要', en: 'Recovery code hashes' }, hidden: true },
    secondFactorExempt: {
      label: { zh: '免动态验证码（仅演示）', en: 'Second factor exempt (demo only)' },
      readOnly: true,
      help: { zh: '仅演示数据中的管理员账号免于绑定动态验证码。', en: 'Only the demo’s administrator accounts are spared the second factor.' },
    },
  },
  search: ['username', 'displayName'],
  // Accounts are for administrators; everyone else reads only their own.
  // 三员分立: the system administrator keeps the accounts, the security administrator gives their
  // roles (the guard and rules below divide the two), the audit administrator reads them all.
  access: {
    writers: ['SYSTEM_ADMIN', 'SECURITY_ADMIN'],
    readers: ['AUDIT_ADMIN'],
    owner: 'organizationId',
    privateTo: 'id',
    operations: {
      create: ['SYSTEM_ADMIN'],
      delete: ['SYSTEM_ADMIN'],
      setUserPassword: ['SYSTEM_ADMIN'],
      unlockUser: ['SECURITY_ADMIN'],
      disableSecondFactor: ['SECURITY_ADMIN'],
    },
  },
  createInputs: {
    password: {
      label: { zh: '初始密码', en: 'Initial password' },
      help: {
        zh: '至少 8 位，含大写字母、小写字母、数字、其他符号中的至少 3 类，不能包含用户名；用户首次登录时须修改。留空则须由管理员设置密码后才能登录。',
        en: 'At least 8 characters mixing 3 of upper case, lower case, digits and other characters, not containing the username; the user changes it at the first sign-in. Left empty, the account cannot sign in until an administrator sets one.',
      },
      type: 'password',
      // The same policy as setUserPassword; only the hash is stored, and the user changes it first.
      async apply(ctx, value) {
        const problem = passwordProblem(value, typeof ctx.after.username === 'string' ? ctx.after.username : null);
        if (problem) ctx.errors.add('password', 'password', problem.zh, problem.en);
        else {
          derive(ctx, 'passwordHash', await hashPassword(value));
          derive(ctx, 'passwordChangedAt', new Date());
          derive(ctx, 'mustChangePassword', true);
        }
      },
    },
  },
  guards: [
    // The security administrator gives roles and nothing else of an account (access.operations
    // keeps creating and deleting accounts for the system administrator).
    async ({ operation, before, input }) => {
      const actor = currentActor();
      if (actor?.kind !== 'USER' || (actor.role !== 'SYSTEM_ADMIN' && actor.role !== 'SECURITY_ADMIN')) return;
      const changesRole = 'role' in input && input.role !== before?.role;
      refusePrivilegedAccount(actor.role, actor.id, before ?? {}, operation === 'create' || changesRole ? input.role : undefined);
    },
    async ({ operation, input, records }) => {
      const actor = currentActor();
      if (actor?.role !== 'SECURITY_ADMIN') return;
      if (!mayRun(actor, records.of(userResource).model, operation) || Object.keys(input).some((k) => k !== 'role')) {
        throw forbidden('安全管理员只能授予账号角色，账号由系统管理员新建和维护', 'The security administrator gives accounts their roles only; the system administrator creates and keeps accounts');
      }
    },
  ],
  rules: [
    async ({ operation, before, after, input, errors, tx }) => {
      const actor = currentActor();
      const role = after.role as string | undefined;
      if (actor?.role === 'SYSTEM_ADMIN') {
        // Roles are the security administrator's to give: a new account starts as a viewer.
        if (operation === 'create' ? role !== 'VIEWER' : 'role' in input && role !== before?.role) {
          errors.add('role', 'separation', '角色由安全管理员授予：系统管理员新建的账号为只读用户', 'Roles are given by the security administrator: the system administrator’s new accounts are viewers');
        }
      }
      if (actor?.role === 'SECURITY_ADMIN' && operation === 'update' && before?.id === actor.id && role !== before?.role) {
        errors.add('role', 'separation', '不能修改本人的角色', 'One cannot change one’s own role');
      }
      // 三员分立: one person (by the name on the account) holds at most one of the three administrator
      // roles. Judged one at a time: two accounts of one name given two of the roles at once would
      // each find the other not yet an administrator.
      const name = typeof after.displayName === 'string' ? after.displayName.trim() : '';
      if (role && ADMINISTRATORS.includes(role) && name) {
        await holdAdvisoryLock(tx, 'administrators');
        const [other] = await tx
          .select({ username: users.username, role: users.role })
          .from(users)
          .where(and(sql`trim(${users.displayName}) = ${name}`, sql`${users.role} in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN')`, ne(users.role, role as 'VIEWER'), after.id ? ne(users.id, after.id) : undefined))
          .limit(1);
        if (other) {
          errors.add(
            'role',
            'separation',
            `${name}已是${ADMIN_LABELS[other.role].zh}（账号 ${other.username}），不能兼任两种管理员`,
            `${name} is already the ${ADMIN_LABELS[other.role].en.toLowerCase()} (account ${other.username}): no one holds two administrator roles`,
          );
        }
      }
    },
    async ({ after, errors }) => {
      if (typeof after.username === 'string' && !errors.has('username') && !/^[A-Za-z0-9_.-]{2,50}$/.test(after.username)) {
        errors.add('username', 'format', '用户名应为 2–50 位字母、数字或 _ . -', 'A username is 2 to 50 letters, digits or _ . -');
      }
    },
  ],
  resolvers: userResolvers,
});
