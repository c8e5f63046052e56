import { createHash } from 'node:crypto';
import express, { type Response } from 'express';
import { enumDefinitions } from '../drizzle/schema/columns';
import type { Db } from './db';
import { today } from './dates';
import { appError } from './errors';
import { isLocalDate } from './crud/scalars';
import { rateLimit, sendError } from './limits';
import type { RequestLimiter } from './shared-limiter';
import { publicDisclosure, publicOrganizations, type PublicDisclosure } from './resources/delegation/public-disclosure';

// The public disclosure (公示) over plain HTTP, for the public and for 政务公开 sites: no account, no
// token. `/public` lists the streets and townships; `/public/<organization code>` is one street's
// page, printable, in Chinese; `/public/<code>.json` the same data for machines. Answers are
// cacheable (a strong ETag of the body and Cache-Control), and each request counts against the
// caller's address in the same rate limit as anonymous GraphQL requests.

/**
 * How long browsers and intermediate caches may reuse a page without asking again. Short: a catalog
 * published at noon should be on the public page soon after; the ETag makes asking again cheap.
 */
export const PUBLIC_MAX_AGE_SECONDS = 300;

const labelOf = (pgName: string, value: string) => enumDefinitions.get(pgName)?.values[value]?.zh ?? value;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value: unknown) => (value === null || value === undefined ? '' : String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]));

/** Sends a body with its ETag and cache headers; Express answers 304 when the caller's copy matches. */
function sendCacheable(res: Response, type: string, body: string) {
  res.setHeader('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
  res.setHeader('ETag', `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`);
  res.type(type).send(body);
}

const STYLE = `
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 2px solid #b71c1c; padding-bottom: .25rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { border: 1px solid #999; padding: .3rem .4rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } .meta { color: #555; } .note { color: #555; font-size: .85rem; margin-top: 2rem; }
nav { margin-bottom: 1rem; } form { display: inline; margin-left: 1rem; }
@media print { nav, form, .no-print { display: none; } body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>
`;
}

function table(headings: string[], rows: unknown[][], empty: string): string {
  if (!rows.length) return `<p>${esc(empty)}</p>`;
  const head = `<tr>${headings.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
}

function disclosurePage(d: PublicDisclosure): string {
  const o = d.organization;
  const title = `${o.name}行政执法事项公示`;
  const powers = table(
    ['序号', '事项编码', '事项名称', '事项类型', '执法领域', '赋权方式', '划转范围', '赋权部门', '设定依据', '生效日期', '所属目录文号'],
    d.powers.map((p, i) => [
      i + 1,
      p.itemCode,
      p.itemName,
      labelOf('power_category', p.category),
      p.domain,
      labelOf('delegation_mode', p.mode),
      p.scope === 'PART' && p.scopeNote ? `${labelOf('delegation_scope', p.scope)}：${p.scopeNote}` : labelOf('delegation_scope', p.scope),
      p.delegatingDepartment,
      p.settingBasis,
      p.effectiveTo ? `${p.effectiveFrom} 至 ${p.effectiveTo}` : p.effectiveFrom,
      p.catalogDocumentNumber ?? p.catalogTitle,
    ]),
    '该日没有有效的赋权事项。',
  );
  const catalogs = table(
    ['目录名称', '文号', '印发机关', '印发日期', '施行日期', '状态'],
    d.catalogs.map((c) => [c.title, c.documentNumber, c.issuer, c.issuedOn, c.effectiveFrom, labelOf('catalog_status', c.status)]),
    '尚无已发布的赋权目录。',
  );
  const officers = table(
    ['序号', '姓名', '岗位', '执法证号', '发证机关', '执法区域', '执法类别', '有效期至'],
    d.officers.map((p, i) => [i + 1, p.name, labelOf('post_kind', p.post), p.certificateNumber, p.issuingAuthority, p.area, p.categories, p.validUntil ?? '长期']),
    '该日没有在执法岗位的持证人员。',
  );
  return page(
    title,
    `<nav><a href="/public">公示首页</a>
<form method="get" action="/public/${encodeURIComponent(o.code)}"><label>查询日期 <input type="date" name="date" value="${esc(d.date)}"></label> <button type="submit">查询</button></form>
<a class="no-print" href="/public/${encodeURIComponent(o.code)}.json?date=${esc(d.date)}">数据（JSON）</a></nav>
<h1>${esc(title)}</h1>
<p class="meta">${esc(labelOf('organization_kind', o.kind))} · 机构代码 ${esc(o.code)}${o.region ? ` · ${esc(o.region)}` : ''} · 公示日期 <time datetime="${esc(d.date)}">${esc(d.date)}</time></p>
<h2>一、赋权事项（${d.powers.length} 项）</h2>
${powers}
<h2>二、赋权目录</h2>
${catalogs}
<h2>三、执法岗位及持证执法人员（${d.officers.length} 人）</h2>
${officers}
<p class="note">依据《镇平县行政执法改革与管理专项整治工作实施方案》“向社会公开行政执法岗责体系”“亮证执法”的要求公示。执法人员仅公示姓名、岗位及执法证件信息；联系电话等其他个人信息不予公开。草稿目录不公示。</p>`,
  );
}

function indexPage(organizations: Awaited<ReturnType<typeof publicOrganizations>>): string {
  const rows = organizations.map((o) => `<li><a href="/public/${encodeURIComponent(o.code)}">${esc(o.name)}</a> <span class="meta">${esc(o.code)}</span></li>`).join('\n');
  return page('乡镇（街道）行政执法事项公示', `<h1>乡镇（街道）行政执法事项公示</h1>\n<ul>\n${rows}\n</ul>`);
}

const notFoundLabel = (code: string) => ({
  zh: `没有机构代码为“${code}”的街道或乡镇`,
  en: `No street or township has the organization code “${code}”`,
});
const badDateLabel = { zh: '日期格式应为 YYYY-MM-DD', en: 'A date must be a calendar day written YYYY-MM-DD' };

/** The public routes, answered without sign-in; `limiter` counts them per address. */
export function publicRoutes(db: Db, limiter: RequestLimiter): express.Router {
  const router = express.Router();
  router.use('/public', rateLimit(limiter));
  router.get('/public', async (_req, res, next) => {
    try {
      sendCacheable(res, 'html', indexPage(await publicOrganizations(db)));
    } catch (e) {
      next(e);
    }
  });
  router.get(['/public/:code.json', '/public/:code'], async (req, res, next) => {
    const json = req.path.endsWith('.json');
    const code = req.params.code as string;
    const date = req.query.date ?? today();
    try {
      if (!isLocalDate(date)) {
        if (json) sendError(res, 400, appError('BAD_USER_INPUT', badDateLabel, { field: 'date' }));
        else res.status(400).type('html').send(page('日期有误', `<h1>日期有误</h1><p>${esc(badDateLabel.zh)}</p>`));
        return;
      }
      const disclosure = await publicDisclosure(db, code, date);
      if (!disclosure) {
        if (json) sendError(res, 404, appError('NOT_FOUND', notFoundLabel(code), { organizationCode: code }));
        else res.status(404).type('html').send(page('未找到', `<h1>未找到</h1><p>${esc(notFoundLabel(code).zh)}</p><p><a href="/public">公示首页</a></p>`));
        return;
      }
      if (json) sendCacheable(res, 'json', JSON.stringify(disclosure));
      else sendCacheable(res, 'html', disclosurePage(disclosure));
    } catch (e) {
      next(e);
    }
  });
  return router;
}
