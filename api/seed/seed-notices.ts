import { inArray } from 'drizzle-orm';
import { noticeReceipts, notices, users } from '../../drizzle/schema';
import type { Tx } from '../db';
import { today } from '../dates';
import { getApp } from '../app';
import { noticeResource } from '../resources/notice/notice.resource';
import { noticeRecipientResource } from '../resources/notice-recipient/notice-recipient.resource';
import { noticeSeeds } from './data/notices';
import { orgId, type Ids } from './seed-hr';

/**
 * Notices (natural key: document number) with their recipients, through the services as a county
 * account would publish them, and the demo accounts' read receipts. After the accounts, whose
 * receipts these are; nothing published after today is written.
 */
export async function seedNotices(tx: Tx, orgs: Ids): Promise<void> {
  const records = getApp().records;
  const known = new Set((await tx.select({ n: notices.documentNumber }).from(notices)).map((n) => n.n));
  const accounts = new Map(
    (await tx.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, noticeSeeds.flatMap((n) => n.readBy ?? []).map((r) => r.username)))).map(
      (u) => [u.username, u.id],
    ),
  );
  for (const n of noticeSeeds) {
    if (known.has(n.documentNumber ?? null) || n.publishedOn > today()) continue;
    const { id } = await records.of(noticeResource).create(tx, {
      kind: n.kind,
      title: n.title,
      body: n.body,
      publisherId: orgId(orgs, n.publisher),
      documentNumber: n.documentNumber ?? null,
      publishedOn: n.publishedOn,
      deadline: n.deadline ?? null,
    });
    for (const r of n.recipients ?? []) await records.of(noticeRecipientResource).create(tx, { noticeId: id, organizationId: orgId(orgs, r) });
    const receipts = (n.readBy ?? []).filter((r) => accounts.has(r.username)).map((r) => ({ noticeId: id, userId: accounts.get(r.username)!, readAt: new Date(r.at) }));
    if (receipts.length) await tx.insert(noticeReceipts).values(receipts);
  }
}
