import { eq, sql } from 'drizzle-orm';
import { delegationCatalogs } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { today } from '../../dates';
import { conflict, type FieldErrors } from '../../errors';
import { delegationCatalogResolvers } from './delegation-catalog.resolver';
import { MENU } from '../menu';

/**
 * A new edition takes effect after the edition it supersedes: publishing ends the old one the day
 * before, which would otherwise leave it with no day of its own.
 */
export function takesEffectAfter(previous: { title: string; effectiveFrom: string }, effectiveFrom: string, errors: FieldErrors): void {
  if (effectiveFrom > previous.effectiveFrom) return;
  errors.add(
    'effectiveFrom',
    'range',
    `新版本的施行日期须晚于被替代版本“${previous.title}”的施行日期 ${previous.effectiveFrom}`,
    `The new edition must take effect after the edition it supersedes ("${previous.title}", effective ${previous.effectiveFrom})`,
  );
}

export const delegationCatalogResource = defineResource({
  name: 'DelegationCatalog',
  ui: { title: 'title', group: MENU.catalog },
  table: delegationCatalogs,
  label: { zh: '赋权事项目录', en: 'Delegation catalog' },
  description: {
    zh: '向街道、乡镇赋权的事项目录的一个版本。已发布的版本不再修改：目录调整应新建草稿版本，发布后替代原版本。',
    en: 'One version of the catalog of powers delegated to streets and townships. A published version is never edited: adjustments go into a new draft that supersedes it when published.',
  },
  fields: {
    title: {
      label: { zh: '目录名称', en: 'Title' },
      help: { zh: '本版本的名称，如…赋权事项目录（2023年版）。', en: 'Title of this version, e.g. …赋权事项目录（2023年版）.' },
    },
    documentNumber: {
      label: { zh: '文号', en: 'Document number' },
      help: {
        zh: '印发文件的文号，如武昌政〔2021〕1号；发布时必填。',
        en: 'Number of the issuing document, e.g. 武昌政〔2021〕1号; required to publish.',
      },
    },
    issuingOrganizationId: {
      label: { zh: '发布机关', en: 'Issuing organization' },
      help: {
        zh: '印发目录的政府或机关，一般为县（区）人民政府。',
        en: 'The government or body that issues the catalog, usually the county government.',
      },
    },
    issuedOn: { label: { zh: '印发日期', en: 'Issued on' }, help: { zh: '发布时必填。', en: 'Required to publish.' } },
    effectiveFrom: {
      label: { zh: '施行日期', en: 'Effective from' },
      help: {
        zh: '目录开始施行的日期；被替代的版本于前一日停止适用。',
        en: 'Day from which the catalog applies; the version it supersedes ends the day before.',
      },
    },
    status: {
      label: { zh: '状态', en: 'Status' },
      help: {
        zh: '发布前为草稿；由“发布目录”操作设置，不能直接编辑。',
        en: 'DRAFT until published; set by publishDelegationCatalog, not by editing.',
      },
      readOnly: true,
    },
    supersedesId: {
      label: { zh: '替代目录', en: 'Supersedes' },
      help: { zh: '本版本发布时将替代的已发布版本。', en: 'The published version this one replaces on publication.' },
    },
    publishedAt: {
      label: { zh: '发布时间', en: 'Published at' },
      help: {
        zh: '目录在本系统中发布的时间；由“发布目录”操作设置。',
        en: 'When the catalog was published in this system; set by publishDelegationCatalog.',
      },
      readOnly: true,
    },
    note: {
      label: { zh: '备注', en: 'Note' },
      help: { zh: '自由填写，如本版本调整了哪些内容。', en: 'Free text, e.g. what this version adjusts.' },
    },
  },
  search: ['title', 'documentNumber'],
  attachments: {
    kinds: {
      ISSUING_DOCUMENT: { zh: '发文', en: 'Issuing document' },
      OTHER: { zh: '其他材料', en: 'Other material' },
    },
  },
  access: { writers: 'CATALOG_EDITOR' },
  computed: {
    retroactive: {
      label: { zh: '追溯生效', en: 'Retroactive' },
      help: {
        zh: '草稿的施行日期早于今天：发布后目录自该日起追溯适用，被替代版本的赋权事项于其前一日终止。',
        en: 'A draft whose effective date is already past: once published it applies from that day back, and the version it supersedes ends the day before.',
      },
      type: 'boolean',
      beside: 'effectiveFrom',
      sql: () => sql`(${delegationCatalogs.status} = 'DRAFT' and ${delegationCatalogs.effectiveFrom} < ${today()})`,
    },
  },
  guards: [
    async ({ operation, before }) => {
      if (before && before.status !== 'DRAFT') {
        throw conflict('LOCKED', {
          zh: `目录（编号 ${before.id}）已发布或已废止，不能${operation === 'delete' ? '删除' : '修改'}；请新建草稿版本替代它`,
          en: `Catalog ${before.id} is ${String(before.status).toLowerCase()} and cannot be ${operation === 'delete' ? 'deleted' : 'edited'}; create a new draft that supersedes it`,
        });
      }
    },
  ],
  rules: [
    async ({ tx, before, after, errors }) => {
      const id = after.supersedesId as number | null;
      if (id == null || errors.has('supersedesId')) return;
      const supersedesChanged = before?.supersedesId !== id;
      if (!supersedesChanged && before?.effectiveFrom === after.effectiveFrom) return;
      if (before && id === before.id) {
        errors.add('supersedesId', 'self', '目录不能替代自身', 'A catalog cannot supersede itself');
        return;
      }
      const [previous] = await tx.select().from(delegationCatalogs).where(eq(delegationCatalogs.id, id));
      if (!previous) return;
      if (supersedesChanged && previous.status !== 'PUBLISHED') {
        errors.add(
          'supersedesId',
          'state',
          `只能替代已发布的目录，“${previous.title}”的状态是${previous.status === 'DRAFT' ? '草稿' : '已废止'}`,
          `Only a published catalog can be superseded; "${previous.title}" is ${previous.status.toLowerCase()}`,
        );
      }
      if (!errors.has('effectiveFrom')) takesEffectAfter(previous, after.effectiveFrom as string, errors);
    },
  ],
  resolvers: delegationCatalogResolvers,
});
