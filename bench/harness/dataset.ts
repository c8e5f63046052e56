import { Client } from 'pg';
import { addDays, between, rng } from '../../api/seed/data/random';
import { COUNTY_GOVERNMENT, departments, domains, REGION, subUnits, townships, verticalUnits } from '../../api/seed/data/organizations';
import { powerItemSeeds } from '../../api/seed/data/power-items';

// A county-sized dataset, the same on every run (one seeded generator, fixed ids), written straight
// into the tables with multi-row inserts (one `insert … select from unnest(…)` per few thousand
// rows): the API would take an hour to create it one record at a time. The migrations have run
// first, so the tables, constraints and indexes are the product's.

export interface DatasetSize {
  organizations: number;
  enforcementDomains: number;
  powerItems: number;
  delegationCatalogs: number;
  delegations: number;
  staffMembers: number;
  postings: number;
}

/** What the shapes ask about, all known before any server starts. */
export interface Dataset {
  size: DatasetSize;
  /** Streets and townships: the recipients of delegations. */
  recipientIds: number[];
  delegationIds: { first: number; last: number };
  powerItemIds: { first: number; last: number };
  /** Substrings of power item names for `q`, each matching at least one item. */
  searchTerms: string[];
  /** The day `delegationsAsOf` is asked about: inside the published 2023 catalog. */
  asOfDate: string;
  /** Rows delegationsAsOf returns for each recipient on that day (unpaginated today). */
  asOfRows: Record<number, number>;
  loadSeconds: number;
}

const SEED = 20_260_411;
const CODE_SCHEME = '基准县执法事项编码';
const MODES = ['GRANTED', 'GRANTED', 'ENTRUSTED', 'DEVOLVED', 'STATIONED'] as const;
const STAFF_CATEGORIES = ['ADMINISTRATIVE', 'INSTITUTIONAL', 'ENFORCEMENT', 'ENFORCEMENT', 'AUXILIARY'] as const;
const POSTS = ['ENFORCEMENT', 'ENFORCEMENT', 'LEGAL_REVIEW', 'AUXILIARY', 'LEADERSHIP'] as const;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '建国晓东丽娟志强海燕文博春梅国华雪芳振宇秀英明辉俊杰佳怡子涵浩然欣怡宇轩梓萱思远嘉懿雨桐'.split('');
/** Candidate search words; those not found in any name are dropped. */
const SEARCH_WORDS = ['堆放', '噪声', '占用', '排放', '广告', '燃放', '施工', '许可', '检查', '焚烧', '经营', '运输'];

type Column = [name: string, pgType: string];
type Value = string | number | boolean | null;

/**
 * One multi-row insert per batch: every column travels as a text array and is cast to its type in
 * SQL, so one statement shape serves every table. Ids are given (fixed, so every run has the same
 * ones), hence OVERRIDING SYSTEM VALUE on the identity columns.
 */
async function insertRows(client: Client, table: string, columns: Column[], rows: Value[][], batch = 5000) {
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  const casts = columns.map(([, t], i) => `c${i}::${t}`).join(', ');
  const unnest = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const text = `insert into "${table}" (${names}) overriding system value select ${casts} from unnest(${unnest}) as u(${aliases})`;
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const arrays = columns.map((_, i) => slice.map((r) => (r[i] === null ? null : String(r[i]))));
    await client.query(text, arrays);
  }
  // The next id the API hands out follows the generated ones.
  await client.query(`select setval(pg_get_serial_sequence('"${table}"', 'id'), (select max(id) from "${table}"))`);
}

const pgArray = (values: readonly string[]) => `{${values.join(',')}}`;

export async function loadDataset(url: string, scale: number): Promise<Dataset> {
  const t0 = performance.now();
  const r = rng(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Organizations: the county government, its 22 streets and townships, 27 departments, 4
    // vertical units and their sub-units, then enforcement teams under each street (110) and
    // departments (31): 200 in all.
    const orgs: Value[][] = [];
    const add = (name: string, kind: string, parentId: number | null, code: string) => {
      orgs.push([orgs.length + 1, name, kind, parentId, REGION, code]);
      return orgs.length;
    };
    const government = add(COUNTY_GOVERNMENT.name, COUNTY_GOVERNMENT.kind, null, COUNTY_GOVERNMENT.code);
    const recipientIds = townships.map((t, i) =>
      add(t.name, t.name.endsWith('街道') ? 'STREET' : 'TOWNSHIP', government, `411324-T${String(i + 1).padStart(2, '0')}`),
    );
    const departmentByShort = new Map<string, number>();
    departments.forEach((d, i) => departmentByShort.set(d.short, add(d.name, 'DEPARTMENT', government, `411324-D${String(i + 1).padStart(2, '0')}`)));
    verticalUnits.forEach((d, i) => departmentByShort.set(d.short, add(d.name, 'VERTICAL_UNIT', null, `411324-V${String(i + 1).padStart(2, '0')}`)));
    subUnits.forEach((u, i) => add(u.name, 'OTHER', departmentByShort.get(u.parent)!, `411324-S${String(i + 1).padStart(2, '0')}`));
    const teams = ['综合行政执法大队', '第一中队', '第二中队', '第三中队', '法制审核室'];
    townships.forEach((t, i) => teams.forEach((team, j) => add(`${t.name}${team}`, 'OTHER', recipientIds[i], `411324-T${String(i + 1).padStart(2, '0')}-${j + 1}`)));
    [...departments, ...verticalUnits].forEach((d, i) => add(`${d.name}执法大队`, 'OTHER', departmentByShort.get(d.short)!, `411324-E${String(i + 1).padStart(2, '0')}`));
    await insertRows(client, 'organizations', [['id', 'integer'], ['name', 'varchar'], ['kind', 'organization_kind'], ['parent_id', 'integer'], ['region', 'varchar'], ['code', 'varchar']], orgs);

    const domainIds = new Map(domains.map((d, i) => [d.code, i + 1]));
    await insertRows(
      client,
      'enforcement_domains',
      [['id', 'integer'], ['code', 'varchar'], ['name', 'varchar'], ['description', 'varchar']],
      domains.map((d, i) => [i + 1, d.code, d.name, d.description]),
    );

    // Power items: the demo county's 107 real items, repeated with a number, so names, legal
    // bases (up to a few hundred characters) and their spread over domains are realistic.
    const itemCount = Math.round(20_000 * scale);
    const items: Value[][] = [];
    const sourceOf: number[] = [];
    for (let k = 0; k < itemCount; k++) {
      const t = powerItemSeeds[k % powerItemSeeds.length];
      const round = Math.floor(k / powerItemSeeds.length) + 1;
      const source = departmentByShort.get(t.sourceDepartment)!;
      sourceOf.push(source);
      items.push([
        k + 1, CODE_SCHEME, `${t.code}-${round}`, `${t.name}（${round}）`, t.category, domainIds.get(t.domainCode)!, source,
        t.settingBasis, t.implementationBasis, pgArray(t.penaltyKinds), t.description ?? null,
      ]);
    }
    await insertRows(
      client,
      'power_items',
      [['id', 'integer'], ['code_scheme', 'varchar'], ['code', 'varchar'], ['name', 'varchar'], ['category', 'power_category'], ['domain_id', 'integer'], ['source_department_id', 'integer'], ['setting_basis', 'varchar'], ['implementation_basis', 'varchar'], ['penalty_kinds', 'penalty_kind[]'], ['description', 'varchar']],
      items,
    );

    // Three catalog versions: 2021 (superseded), 2023 (published, in force on the as-of day), 2025 (draft).
    const catalogs = [
      { id: 1, title: '镇平县乡镇（街道）赋权事项目录（2021年版）', status: 'SUPERSEDED', from: '2021-01-01', issued: '2020-12-15', supersedes: null, share: 0.3, to: '2022-12-31' },
      { id: 2, title: '镇平县乡镇（街道）赋权事项目录（2023年版）', status: 'PUBLISHED', from: '2023-01-01', issued: '2022-12-10', supersedes: 1, share: 0.5, to: null },
      { id: 3, title: '镇平县乡镇（街道）赋权事项目录（2025年版）', status: 'DRAFT', from: '2025-07-01', issued: null, supersedes: 2, share: 0.2, to: null },
    ];
    await insertRows(
      client,
      'delegation_catalogs',
      [['id', 'integer'], ['title', 'varchar'], ['document_number', 'varchar'], ['issuing_organization_id', 'integer'], ['issued_on', 'date'], ['effective_from', 'date'], ['status', 'catalog_status'], ['supersedes_id', 'integer'], ['published_at', 'timestamptz']],
      catalogs.map((c) => [c.id, c.title, c.issued ? `镇政〔${c.issued.slice(0, 4)}〕${c.id}号` : null, government, c.issued, c.from, c.status, c.supersedes, c.issued ? `${c.issued}T09:00:00+08:00` : null]),
    );

    // Delegations: each catalog hands every power item to a few distinct streets (the
    // catalog–item–recipient triple is unique), by the item's own source department.
    const delegationCount = Math.round(100_000 * scale);
    const rows: Value[][] = [];
    const asOfDate = '2024-06-01';
    const asOfRows: Record<number, number> = Object.fromEntries(recipientIds.map((id) => [id, 0]));
    for (const c of catalogs) {
      const total = Math.round(delegationCount * c.share);
      for (let k = 0; k < itemCount; k++) {
        const n = Math.floor(total / itemCount) + (k < total % itemCount ? 1 : 0);
        const pool = [...recipientIds];
        for (let j = 0; j < n; j++) {
          const at = j + Math.floor(r() * (pool.length - j));
          [pool[j], pool[at]] = [pool[at], pool[j]];
          const from = addDays(c.from, between(r, 0, 120));
          // A few 2023 delegations ended early (returned to the department), so the as-of day matters.
          const to = c.to ?? (c.status === 'PUBLISHED' && r() < 0.05 ? addDays('2023-06-01', between(r, 0, 700)) : null);
          const confirmed = r() < 0.7;
          const part = r() < 0.2;
          rows.push([
            rows.length + 1, c.id, k + 1, pool[j], sourceOf[k], pick(MODES), part ? 'PART' : 'ALL',
            part ? '仅限日常巡查发现的违法行为' : null, from, to,
            confirmed ? `赋确〔${c.from.slice(0, 4)}〕${rows.length + 1}号` : null, confirmed ? addDays(from, -10) : null,
          ]);
          if (c.status !== 'DRAFT' && from <= asOfDate && (to === null || to >= asOfDate)) asOfRows[pool[j]]++;
        }
      }
    }
    await insertRows(
      client,
      'delegations',
      [['id', 'integer'], ['catalog_id', 'integer'], ['power_item_id', 'integer'], ['recipient_id', 'integer'], ['delegating_organization_id', 'integer'], ['mode', 'delegation_mode'], ['scope', 'delegation_scope'], ['scope_note', 'varchar'], ['effective_from', 'date'], ['effective_to', 'date'], ['confirmation_number', 'varchar'], ['confirmation_signed_on', 'date']],
      rows,
    );

    // Staff and their postings: five each, four closed and the current one open (the database
    // allows one open posting per person), mostly in the streets.
    const staffCount = Math.round(20_000 * scale);
    const postingsPerStaff = 5;
    const workplaces = [...recipientIds, ...recipientIds, ...departmentByShort.values()];
    const staff: Value[][] = [];
    const postings: Value[][] = [];
    for (let s = 1; s <= staffCount; s++) {
      const status = r() < 0.9 ? 'ON_DUTY' : r() < 0.5 ? 'SECONDED' : 'LEFT';
      let org = pick(workplaces);
      let start = addDays('2008-01-01', between(r, 0, 700));
      for (let p = 0; p < postingsPerStaff; p++) {
        const last = p === postingsPerStaff - 1;
        const next = addDays(start, between(r, 500, 900));
        postings.push([postings.length + 1, s, org, null, pick(POSTS), start, last ? (status === 'LEFT' ? '2025-03-31' : null) : addDays(next, -1)]);
        if (!last) {
          start = next;
          org = pick(workplaces);
        }
      }
      staff.push([
        s, pick(SURNAMES) + pick(GIVEN) + (r() < 0.5 ? pick(GIVEN) : ''), org, pick(STAFF_CATEGORIES), status,
        r() < 0.3, `13${between(r, 0, 9)}${String(between(r, 0, 99_999_999)).padStart(8, '0')}`,
      ]);
    }
    await insertRows(
      client,
      'staff_members',
      [['id', 'integer'], ['name', 'varchar'], ['organization_id', 'integer'], ['category', 'staff_category'], ['status', 'staff_status'], ['legal_qualification', 'boolean'], ['mobile', 'varchar']],
      staff,
    );
    await insertRows(
      client,
      'postings',
      [['id', 'integer'], ['staff_member_id', 'integer'], ['organization_id', 'integer'], ['quota_organization_id', 'integer'], ['post', 'post_kind'], ['started_on', 'date'], ['ended_on', 'date']],
      postings,
    );

    // Planner statistics and the visibility map, as a database that has lived a while has them.
    await client.query('vacuum analyze');

    const searchTerms = SEARCH_WORDS.filter((w) => powerItemSeeds.some((s) => s.name.includes(w)));
    return {
      size: {
        organizations: orgs.length,
        enforcementDomains: domains.length,
        powerItems: itemCount,
        delegationCatalogs: catalogs.length,
        delegations: rows.length,
        staffMembers: staff.length,
        postings: postings.length,
      },
      recipientIds,
      delegationIds: { first: 1, last: rows.length },
      powerItemIds: { first: 1, last: itemCount },
      searchTerms,
      asOfDate,
      asOfRows,
      loadSeconds: (performance.now() - t0) / 1000,
    };
  } finally {
    await client.end();
  }
}
