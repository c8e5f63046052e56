import { asc, inArray } from 'drizzle-orm';
import { attachments, delegationCatalogs, findings } from '../../drizzle/schema';
import type { Tx } from '../db';
import { getApp } from '../app';
import { attach } from '../crud/attachments';
import { delegationCatalogResource } from '../resources/delegation-catalog/delegation-catalog.resource';
import { findingResource } from '../resources/finding/finding.resource';

const records = () => getApp().records;

/**
 * A one-page PDF standing for a scanned document: invented, and the same bytes on every run. Its
 * text is ASCII (a PDF's base fonts have no Chinese); the file's name carries the title.
 */
function demoPdf(line: string): Buffer {
  const text = `BT /F1 14 Tf 72 770 Td (${line.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>',
    `<</Length ${text.length}>>stream\n${text}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * The files the demo records keep: each published or superseded catalog's 发文 and the 整改报告 of
 * each rectified or verified finding, so their pages show the 附件 section in use (open findings
 * have none yet). Natural key: record and file name; a file already there is left alone.
 */
export async function seedAttachments(tx: Tx): Promise<void> {
  const kept = new Set((await tx.select({ r: attachments.resource, id: attachments.recordId, name: attachments.fileName }).from(attachments)).map((a) => `${a.r}|${a.id}|${a.name}`));
  const add = async (definition: typeof findingResource, id: number, fileName: string, kind: string, line: string) => {
    const service = records().of(definition);
    if (kept.has(`${service.model.name}|${id}|${fileName}`)) return;
    await attach(tx, service, id, { fileName, bytes: demoPdf(line), kind });
  };
  const catalogs = await tx
    .select({ id: delegationCatalogs.id, title: delegationCatalogs.title })
    .from(delegationCatalogs)
    .where(inArray(delegationCatalogs.status, ['PUBLISHED', 'SUPERSEDED']))
    .orderBy(asc(delegationCatalogs.id));
  for (const c of catalogs) await add(delegationCatalogResource, c.id, `${c.title}（发文）.pdf`, 'ISSUING_DOCUMENT', `Issuing document (demo), catalog ${c.id}`);
  const rectified = await tx
    .select({ id: findings.id, description: findings.description })
    .from(findings)
    .where(inArray(findings.status, ['RECTIFIED', 'VERIFIED']))
    .orderBy(asc(findings.id));
  for (const f of rectified) {
    await add(findingResource, f.id, `${[...f.description].slice(0, 30).join('')}整改报告.pdf`, 'RECTIFICATION_REPORT', `Rectification report (demo), finding ${f.id}`);
  }
}
