import type { Tx } from '../../db';
import { conflict, FieldErrors } from '../../errors';
import type { Records } from '../../crud/records';
import { findings as findingTable } from '../../../drizzle/schema';
import { rowOf, type Row } from '../../crud/resource';
import { findingResource, STATUS_LABELS } from './finding.resource';

function rectified(finding: Row) {
  if (finding.status === 'RECTIFIED') return undefined;
  const label = STATUS_LABELS[finding.status as string];
  return conflict('STATE', {
    zh: `只有“已整改”的问题可以退回整改，该问题为“${label.zh}”`,
    en: `Only a rectified finding can be sent back; this one is ${label.en}`,
  });
}

/**
 * A verifier finds a rectification unsatisfactory: RECTIFIED → RECTIFYING, with the reason kept on
 * the finding. It is the only way back; ordinary edits move the status forward only.
 */
export async function sendBackFinding(records: Records, tx: Tx, id: unknown, reason: string, version?: number | null): Promise<Row> {
  const findings = records.of(findingResource);
  const finding = rowOf(findingTable, await findings.claim(tx, id, { version, state: rectified }));
  const text = reason.trim();
  const errors = new FieldErrors();
  if (!text) errors.add('reason', 'required', '请填写退回理由', 'Give the reason for sending it back');
  else if ([...text].length > 1000) errors.add('reason', 'maxLength', '退回理由不能超过 1000 个字', 'The reason must be at most 1000 characters');
  errors.throwIfAny();
  return findings.write(tx, finding.id, {
    status: 'RECTIFYING',
    rectifiedOn: null,
    sentBackCount: finding.sentBackCount + 1,
    lastSendBackReason: text,
  });
}
