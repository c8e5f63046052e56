import type { Tx } from '../../db';
import { conflict, FieldErrors } from '../../errors';
import { serviceOf } from '../../registry';
import type { Row } from '../../crud/resource';
import { STATUS_LABELS } from './finding.resource';

/**
 * A verifier finds a rectification unsatisfactory: RECTIFIED → RECTIFYING, with the reason kept on
 * the finding. It is the only way back; ordinary edits move the status forward only.
 */
export async function sendBackFinding(tx: Tx, id: unknown, reason: string, expectedVersion?: number | null): Promise<Row> {
  const findings = serviceOf('Finding');
  const finding = await findings.claim(tx, id);
  if (finding.status !== 'RECTIFIED') {
    const label = STATUS_LABELS[finding.status as string];
    throw conflict('STATE', {
      zh: `只有“已整改”的问题可以退回整改，该问题为“${label.zh}”`,
      en: `Only a rectified finding can be sent back; this one is ${label.en}`,
    });
  }
  findings.assertVersion(finding, expectedVersion);
  const text = reason.trim();
  const errors = new FieldErrors();
  if (!text) errors.add('reason', 'required', '请填写退回理由', 'Give the reason for sending it back');
  else if ([...text].length > 1000) errors.add('reason', 'maxLength', '退回理由不能超过 1000 个字', 'The reason must be at most 1000 characters');
  errors.throwIfAny();
  return findings.write(tx, finding.id, {
    status: 'RECTIFYING',
    rectifiedOn: null,
    sentBackCount: (finding.sentBackCount as number) + 1,
    lastSendBackReason: text,
  });
}
