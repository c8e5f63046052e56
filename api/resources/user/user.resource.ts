import { users } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';

export const userResource = defineResource({
  name: 'User',
  table: users,
  label: { zh: '用户', en: 'User' },
  description: {
    zh: '后台账号：角色决定可修改哪类记录，所属街道或乡镇的账号只能修改本单位的记录。密码由 setUserPassword 设置，从不返回。',
    en: 'An account of the back office: its role decides which records it may change, and an account of a street or township changes only its own. The password is set with setUserPassword and never returned.',
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
    },
    active: { label: { zh: '启用', en: 'Active' }, help: { zh: '停用后该账号的登录立即失效。', en: 'A disabled account’s sessions stop working at once.' } },
    passwordHash: { label: { zh: '密码摘要', en: 'Password hash' }, hidden: true },
    lastLoginAt: { label: { zh: '最近登录', en: 'Last sign-in' }, readOnly: true },
    sessionsValidFrom: { label: { zh: '会话起效时间', en: 'Sessions valid from' }, hidden: true },
  },
  search: ['username', 'displayName'],
  access: { writers: 'ADMIN', owner: 'organizationId' },
  rules: [
    async ({ after, errors }) => {
      if (typeof after.username === 'string' && !errors.has('username') && !/^[A-Za-z0-9_.-]{2,50}$/.test(after.username)) {
        errors.add('username', 'format', '用户名应为 2–50 位字母、数字或 _ . -', 'A username is 2 to 50 letters, digits or _ . -');
      }
    },
  ],
});
