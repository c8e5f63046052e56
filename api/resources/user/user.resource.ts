import { users } from '../../../drizzle/schema';
import { defineResource, derive } from '../../crud/resource';
import { hashPassword, passwordProblem } from '../../auth/password';
import { userResolvers } from './auth.resolver';
import { MENU } from '../menu';

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
        zh: '目录编辑改赋权目录与名录，人事管理改人员记录，执法监督改督导记录，系统管理员改全部，只读用户不能修改。',
        en: 'Catalog editors change catalogs and directories, HR staff records, supervisors supervision records, administrators everything; viewers change nothing.',
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
  },
  search: ['username', 'displayName'],
  // Accounts are for administrators; everyone else reads only their own.
  access: { writers: 'ADMIN', owner: 'organizationId', privateTo: 'id' },
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
  rules: [
    async ({ after, errors }) => {
      if (typeof after.username === 'string' && !errors.has('username') && !/^[A-Za-z0-9_.-]{2,50}$/.test(after.username)) {
        errors.add('username', 'format', '用户名应为 2–50 位字母、数字或 _ . -', 'A username is 2 to 50 letters, digits or _ . -');
      }
    },
  ],
  resolvers: userResolvers,
});
