import { sql, type SQL } from 'drizzle-orm';
import { systemParameters } from '../../../drizzle/schema';
import { currentActor } from '../../auth/actor';
import { forbidden } from '../../errors';
import type { Label } from '../../../drizzle/schema/columns';
import { computedEnum, defineResource, derive } from '../../crud/resource';
import { parameterDefault } from '../../parameters/effective';
import { PARAMETER_KEYS, PARAMETER_UNITS, PARAMETERS, type ParameterKey } from '../../parameters/registry';
import { MENU } from '../menu';

const unitEnum = computedEnum('SystemParameterUnit', { zh: '单位', en: 'Unit' }, PARAMETER_UNITS);

/** One figure per parameter, chosen by the row's key, as one SQL expression (a computed field). */
const byKey = (figure: (key: ParameterKey) => SQL): SQL =>
  sql`(case ${systemParameters.key}::text ${sql.join(
    PARAMETER_KEYS.map((key) => sql`when ${key} then ${figure(key)}`),
    sql` `,
  )} end)`;

const number = (n: number) => sql`${n}::double precision`;

/**
 * Why the caller may not set this parameter, when it is the other administrator's (三员分立): the
 * security administrator sets the security policy, the system administrator the business figures;
 * the county-wide administrator either.
 */
function notKeeperOf(key: unknown): Label | undefined {
  const p = PARAMETERS[key as ParameterKey];
  const role = currentActor()?.role;
  if (!p || (role !== 'SYSTEM_ADMIN' && role !== 'SECURITY_ADMIN') || role === p.keeper) return undefined;
  return p.keeper === 'SECURITY_ADMIN'
    ? { zh: `${p.label.zh}属于安全策略，由安全管理员设置`, en: `${p.label.en} is part of the security policy: the security administrator sets it` }
    : { zh: `${p.label.zh}由系统管理员设置`, en: `${p.label.en} is set by the system administrator` };
}

export const systemParameterResource = defineResource({
  name: 'SystemParameter',
  ui: { title: 'key', display: ['key'], group: MENU.system, listColumns: ['key', 'value', 'defaultValue', 'unit', 'changedById', 'updatedAt'] },
  table: systemParameters,
  label: { zh: '参数设置', en: 'Parameter' },
  description: {
    zh: '规则所用的数字（空编率上限、培训下限、移送和吹哨报到期限、密码和登录锁定策略、会话超时、队伍规范的人数），可在运行中修改：业务数字由系统管理员设置，密码、登录锁定和会话等安全策略由安全管理员设置；保存后每台服务器的下一次请求即按新值执行。每个参数至多一条，有记录即按记录的值执行；删除即恢复默认值（环境变量所设，或文件规定的数字）。每次修改记入操作审计，含原值和新值。',
    en: 'The figures the rules use (vacancy cap, training minimums, referral and dispatch deadlines, password and lockout policy, session timeouts, the team standards’ numbers), changed while the system runs: the business figures by the system administrator, the security policy (passwords, lockout, sessions) by the security administrator; the next request on every server uses the new value. At most one record per parameter, whose value is in force while it exists; deleting it restores the default (the environment variable’s, or the documents’ figure). Every change is in the audit trail with its old and new value.',
  },
  fields: {
    key: {
      label: { zh: '参数', en: 'Parameter' },
      help: { zh: '只能是系统已知的参数；保存后不能改为另一参数。', en: 'One of the parameters the system knows; fixed once saved.' },
      ui: { fixedAfterCreate: true },
    },
    value: { label: { zh: '当前值', en: 'Value' }, help: { zh: '单位和允许范围见右侧；比例以小数填写（0.2 即 20%）。', en: 'In the unit shown, within the range shown; a ratio as a fraction (0.2 = 20%).' } },
    changedById: { label: { zh: '修改人', en: 'Changed by' }, readOnly: true, ui: { related: false } },
  },
  computed: {
    defaultValue: {
      label: { zh: '默认值', en: 'Default' },
      help: { zh: '删除本记录后的值：环境变量所设，未设时为文件规定的数字。', en: 'The value without this record: the environment variable’s, else the documents’ figure.' },
      type: 'float',
      beside: 'value',
      // Built at query time: a default the environment changed shows as it is.
      sql: () => byKey((key) => number(parameterDefault(key))),
    },
    unit: { label: { zh: '单位', en: 'Unit' }, type: 'enum', enum: unitEnum, sql: () => byKey((key) => sql`${PARAMETERS[key].unit}`) },
    minimum: { label: { zh: '最小值', en: 'Minimum' }, type: 'float', sql: () => byKey((key) => number(PARAMETERS[key].min)) },
    maximum: { label: { zh: '最大值', en: 'Maximum' }, type: 'float', sql: () => byKey((key) => number(PARAMETERS[key].max)) },
  },
  search: [],
  guards: [
    // 三员分立: a stored parameter of the other administrator's is neither changed nor reset.
    async ({ before }) => {
      const refusal = before ? notKeeperOf(before.key) : undefined;
      if (refusal) throw forbidden(refusal.zh, refusal.en);
    },
  ],
  rules: [
    async ({ operation, before, after, input, errors }) => {
      const key = after.key as ParameterKey;
      if (operation === 'update' && 'key' in input && input.key !== before?.key) {
        errors.add('key', 'fixed', '参数保存后不能改为另一参数；请删除后新建', 'A saved parameter cannot become another one; delete it and create the other');
        return;
      }
      const p = PARAMETERS[key];
      const value = after.value as number;
      if (!p || typeof value !== 'number' || operation === 'delete') return;
      if (p.integer && !Number.isInteger(value)) {
        errors.add('value', 'integer', `${p.label.zh}须为整数`, `${p.label.en} must be a whole number`);
      } else if (value < p.min || value > p.max) {
        const unit = PARAMETER_UNITS[p.unit];
        errors.add('value', 'range', `${p.label.zh}须在 ${p.min} 至 ${p.max}（${unit.zh}）之间`, `${p.label.en} must be between ${p.min} and ${p.max} (${unit.en.toLowerCase()})`);
      }
    },
    // 三员分立: a new parameter of the other administrator's, refused on its field.
    async ({ operation, after, errors }) => {
      const refusal = operation === 'create' ? notKeeperOf(after.key) : undefined;
      if (refusal) errors.add('key', 'separation', refusal.zh, refusal.en);
    },
    async (ctx) => {
      if (ctx.operation === 'delete') return;
      const actor = currentActor();
      derive(ctx, 'changedById', actor?.kind === 'USER' ? actor.id : null);
    },
  ],
  // Set by the system administrator (the business figures) and the security administrator (the
  // security policy), each its own (三员分立); the audit administrator reads them.
  access: { writers: ['SYSTEM_ADMIN', 'SECURITY_ADMIN'], readers: ['AUDIT_ADMIN'], confidential: true },
});
