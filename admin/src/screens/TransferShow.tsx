import { useEffect } from 'react';
import { Alert } from '@mui/material';
import { Datagrid, Labeled, ReferenceManyField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import CheckIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import { fieldFor } from '../generic/field-components';
import { ResourceShow } from '../generic/views';
import { CancelTransferDocument, CompleteTransferDocument } from '../generated/operations';
import { resourceMeta } from '../metadata';
import { ConfirmedAction } from './domain-action';
import { IfMayRun, ShowActions } from '../generic/actions';
import { useMyPermissions } from '../permissions';

const transfer = resourceMeta('Transfer');
const posting = resourceMeta('Posting');

/** What the user should know before completing: a move over the destination's approved places (超编). */
function CompletionNotes({ setReady }: { setReady: (ready: boolean) => void }) {
  const record = useRecordContext();
  const translate = useTranslate();
  useEffect(() => setReady(true), [setReady]);
  if (!record?.exceedsEstablishment) return null;
  return (
    <Alert severity="warning" data-testid="over-establishment-warning">
      {translate('app.transfer.over_establishment', { over: 1 - record.placesLeft })}
    </Alert>
  );
}

/** Pending transfers say who completes them, and whether they would exceed the approved places. */
function PendingNotes() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (record?.status !== 'PENDING') return null;
  return (
    <>
      {record.exceedsEstablishment && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('app.transfer.over_establishment', { over: 1 - record.placesLeft })}
        </Alert>
      )}
      {record.betweenOrganizations && <Alert severity="info">{translate('app.transfer.county_completes')}</Alert>}
    </>
  );
}

function TransferActions() {
  const record = useRecordContext();
  const local = useMyPermissions()?.local ?? false;
  // Only a pending transfer is completed, cancelled or edited; each only by those who may.
  if (record?.status !== 'PENDING') return <TopToolbar />;
  return (
    <ShowActions>
      {/* A move between two organizations is the county's to complete (the note below says so). */}
      {!(local && record.betweenOrganizations) && (
        <IfMayRun operation="completeTransfer">
          <ConfirmedAction
            mutation={CompleteTransferDocument}
            label="app.transfer.complete"
            confirm="app.transfer.confirm_complete"
            done="app.transfer.completed"
            icon={<CheckIcon />}
            color="primary"
            details={(setReady) => <CompletionNotes setReady={setReady} />}
          />
        </IfMayRun>
      )}
      <IfMayRun operation="cancelTransfer">
        <ConfirmedAction mutation={CancelTransferDocument} label="app.transfer.cancel" confirm="app.transfer.confirm_cancel" done="app.transfer.cancelled" icon={<CancelIcon />} color="error" />
      </IfMayRun>
    </ShowActions>
  );
}

/** A transfer with its completion: the person's postings below show the old one closed and the new one opened. */
export function TransferShow() {
  return (
    <ResourceShow resource={transfer} actions={<TransferActions />} notes={<PendingNotes />}>
      <Labeled label="app.transfer.postings" fullWidth>
        <ReferenceManyField reference="Posting" target="staffMemberId" source="staffMemberId" sort={{ field: 'startedOn', order: 'ASC' }}>
          <Datagrid bulkActionButtons={false} rowClick="show">
            {posting.fields.filter((f) => ['organizationId', 'quotaOrganizationId', 'post', 'startedOn', 'endedOn'].includes(f.name)).map((f) => fieldFor(f))}
          </Datagrid>
        </ReferenceManyField>
      </Labeled>
    </ResourceShow>
  );
}
