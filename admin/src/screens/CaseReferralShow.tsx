import { Alert } from '@mui/material';
import { TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import CheckIcon from '@mui/icons-material/CheckCircle';
import InboxIcon from '@mui/icons-material/MoveToInbox';
import UndoIcon from '@mui/icons-material/Undo';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { ResourceShow } from '../generic/views';
import {
  AcceptCaseReferralDocument,
  ReceiveCaseReferralDocument,
  RecordCaseReferralOutcomeDocument,
  ReturnCaseReferralDocument,
} from '../generated/operations';
import { resourceMeta } from '../metadata';
import { ConfirmedAction, PromptedAction } from './domain-action';
import { IfMayRun, ShowActions } from '../generic/actions';
import { useMyPermissions } from '../permissions';

const referral = resourceMeta('CaseReferral');

/**
 * The receiving unit's steps, each dated today by the server: sign for a sent referral, then accept
 * it (with what was done) or return it (with the reason); an accepted one takes its outcome. The
 * sending unit edits only while the referral is still SENT; a street sees only its own side's steps.
 */
function ReferralActions() {
  const record = useRecordContext();
  const permissions = useMyPermissions();
  if (!record) return <TopToolbar />;
  const receiver = !permissions?.local || permissions.organizationId === String(record.toOrganizationId);
  const steps = receiver && (
    <>
      {record.status === 'SENT' && (
        <IfMayRun operation="receiveCaseReferral">
          <ConfirmedAction mutation={ReceiveCaseReferralDocument} label="app.referral.receive" confirm="app.referral.confirm_receive" done="app.referral.received" icon={<InboxIcon />} />
        </IfMayRun>
      )}
      {record.status === 'RECEIVED' && (
        <>
          <IfMayRun operation="acceptCaseReferral">
            <PromptedAction
              mutation={AcceptCaseReferralDocument}
              variables={(r, outcome) => ({ id: String(r.id), version: r.version, outcome })}
              label="app.referral.accept"
              done="app.referral.accepted"
              arg="outcome"
              fieldLabel="app.referral.outcome"
              icon={<CheckIcon />}
            />
          </IfMayRun>
          <IfMayRun operation="returnCaseReferral">
            <PromptedAction
              mutation={ReturnCaseReferralDocument}
              variables={(r, reason) => ({ id: String(r.id), version: r.version, reason })}
              label="app.referral.return"
              done="app.referral.returned"
              arg="reason"
              fieldLabel="app.referral.reason"
              icon={<UndoIcon />}
            />
          </IfMayRun>
        </>
      )}
      {record.status === 'ACCEPTED' && (
        <IfMayRun operation="recordCaseReferralOutcome">
          <PromptedAction
            mutation={RecordCaseReferralOutcomeDocument}
            variables={(r, outcome) => ({ id: String(r.id), version: r.version, outcome })}
            label="app.referral.record_outcome"
            done="app.referral.outcome_recorded"
            arg="outcome"
            fieldLabel="app.referral.outcome"
            icon={<EditNoteIcon />}
          />
        </IfMayRun>
      )}
    </>
  );
  return record.status === 'SENT' ? <ShowActions>{steps}</ShowActions> : <TopToolbar>{steps}</TopToolbar>;
}

/** What is late: a referral still waiting past its deadline. */
function OverdueNote() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.overdue) return null;
  return <Alert severity="warning" data-testid="referral-overdue">{translate('app.referral.overdue')}</Alert>;
}

export function CaseReferralShow() {
  return <ResourceShow resource={referral} actions={<ReferralActions />} notes={<OverdueNote />} />;
}
