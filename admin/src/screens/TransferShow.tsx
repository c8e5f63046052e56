import { Datagrid, Labeled, ReferenceManyField, Show, SimpleShowLayout, TopToolbar, useRecordContext } from 'react-admin';
import CheckIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import { RecordHistory } from '../generic/RecordHistory';
import { fieldFor } from '../generic/field-components';
import { resourceMeta, showFields } from '../metadata';
import { ConfirmedAction } from './domain-action';
import { IfMayRun, ShowActions } from '../generic/actions';

const transfer = resourceMeta('Transfer');
const posting = resourceMeta('Posting');

function TransferActions() {
  const record = useRecordContext();
  // Only a pending transfer is completed, cancelled or edited; each only by those who may.
  if (record?.status !== 'PENDING') return <TopToolbar />;
  return (
    <ShowActions>
      <IfMayRun operation="completeTransfer">
        <ConfirmedAction mutation="completeTransfer" label="app.transfer.complete" confirm="app.transfer.confirm_complete" done="app.transfer.completed" icon={<CheckIcon />} color="primary" />
      </IfMayRun>
      <IfMayRun operation="cancelTransfer">
        <ConfirmedAction mutation="cancelTransfer" label="app.transfer.cancel" confirm="app.transfer.confirm_cancel" done="app.transfer.cancelled" icon={<CancelIcon />} color="error" />
      </IfMayRun>
    </ShowActions>
  );
}

/** A transfer with its completion: the person's postings below show the old one closed and the new one opened. */
export function TransferShow() {
  return (
    <Show actions={<TransferActions />}>
      <SimpleShowLayout>
        {showFields(transfer).map((f) => fieldFor(f))}
        <Labeled label="app.transfer.postings" fullWidth>
          <ReferenceManyField reference="Posting" target="staffMemberId" source="staffMemberId" sort={{ field: 'startedOn', order: 'ASC' }}>
            <Datagrid bulkActionButtons={false} rowClick="show">
              {posting.fields.filter((f) => ['organizationId', 'quotaOrganizationId', 'post', 'startedOn', 'endedOn'].includes(f.name)).map((f) => fieldFor(f))}
            </Datagrid>
          </ReferenceManyField>
        </Labeled>
        <Labeled label="app.history.title" fullWidth>
          <RecordHistory />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
