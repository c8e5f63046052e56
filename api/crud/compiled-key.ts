import type { Actor } from '../auth/actor';
import { today } from '../dates';
import { parametersKey } from '../parameters/effective';

/**
 * Everything SQL compiled once and kept for a query document depends on beside the document: who
 * reads (read limits, token scopes, masking), the parameters in force (参数设置: figures bound into
 * computed fields), and the county's day (today's date bound into `overdue` and the like). The
 * kept forms, the normal path's select lists and the compiled path's objects and whole statements,
 * are kept under it, so none is served to another reader, after a parameter change or past midnight.
 */
export function compiledKey(actor: Actor | undefined): string {
  const who = actor
    ? `${actor.kind}:${actor.id}:${actor.role}:${actor.organizationId}:${actor.local}:${actor.scopes?.join(',') ?? ''}:${actor.personalData ?? ''}`
    : '';
  return `${who}|${parametersKey()}|${today()}`;
}
