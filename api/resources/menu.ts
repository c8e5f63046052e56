import type { Label } from '../../drizzle/schema/columns';

/**
 * The admin's menu groups, in menu order. A record names its group in its definition
 * (`ui.group`); within a group, records follow the registration list (api/resources/index.ts).
 */
export const MENU = {
  catalog: { key: 'catalog', label: { zh: '赋权目录', en: 'Catalogs' } },
  directory: { key: 'directory', label: { zh: '机构与联络', en: 'Directory' } },
  hr: { key: 'hr', label: { zh: '人员管理', en: 'Staff' } },
  training: { key: 'training', label: { zh: '培训考试', en: 'Training' } },
  equipment: { key: 'equipment', label: { zh: '装备与网格', en: 'Equipment and grids' } },
  supervision: { key: 'supervision', label: { zh: '执法监督', en: 'Supervision' } },
  notices: { key: 'notices', label: { zh: '通知公告', en: 'Notices' } },
  accounts: { key: 'accounts', label: { zh: '账号', en: 'Accounts' } },
  system: { key: 'system', label: { zh: '系统管理', en: 'System' } },
} as const satisfies Record<string, { key: string; label: Label }>;

export type MenuGroup = (typeof MENU)[keyof typeof MENU];
