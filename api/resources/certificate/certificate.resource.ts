import { certificates } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';

export const certificateResource = defineResource({
  name: 'Certificate',
  table: certificates,
  label: { zh: '执法证', en: 'Enforcement certificate' },
  description: {
    zh: '行政执法证。一人可持有多本。在执法岗人员仅剩的一本有效证件允许暂扣或吊销，但该人员会被标记为“无证在执法岗”。',
    en: 'An administrative enforcement certificate (行政执法证). A person may hold several. Suspending or revoking the last valid one of someone on an enforcement post is allowed, and flags that person (StaffMember.certificateAlert).',
  },
  fields: {
    staffMemberId: { label: { zh: '持证人', en: 'Holder' } },
    number: { label: { zh: '证号', en: 'Certificate number' }, personal: true },
    issuingAuthority: {
      label: { zh: '发证机关', en: 'Issuing authority' },
      help: { zh: '一般为省级或市级人民政府。', en: 'Usually the provincial or municipal government.' },
    },
    issuedOn: { label: { zh: '发证日期', en: 'Issued on' } },
    expiresOn: {
      label: { zh: '有效期至', en: 'Expires on' },
      help: { zh: '长期有效的证件留空。', en: 'Empty when the certificate does not expire.' },
    },
    status: {
      label: { zh: '证件状态', en: 'Status' },
      help: {
        zh: '有效，或暂扣（如年度法律知识考试不合格）、注销、吊销、遗失。',
        en: 'VALID, or SUSPENDED (暂扣, e.g. after failing the annual law exam), CANCELLED, REVOKED or LOST.',
      },
    },
    area: {
      label: { zh: '执法区域', en: 'Enforcement area' },
      help: { zh: '持证人可以执法的区域，如镇平县涅阳街道。', en: 'Where the holder may enforce, e.g. 镇平县涅阳街道.' },
    },
    categories: {
      label: { zh: '执法类别', en: 'Enforcement categories' },
      help: { zh: '可从事执法的领域，如城市管理、市场监管。', en: 'Fields of enforcement, e.g. 城市管理、市场监管.' },
    },
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['number', 'issuingAuthority', 'area'],
  access: { writers: 'HR', owner: { via: 'staffMemberId', field: 'organizationId' } },
  ranges: [['issuedOn', 'expiresOn']],
});
