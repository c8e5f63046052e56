import { Box, Card, CardActionArea, CardContent, Chip, Paper, Typography } from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import {
  ListBase,
  Show,
  Labeled,
  SimpleShowLayout,
  Title,
  TopToolbar,
  useListContext,
  useRecordContext,
  useTranslate,
  FilterForm,
  CreateButton,
  type RaRecord,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { RecordHistory } from '../generic/RecordHistory';
import { fieldFor, filtersFor } from '../generic/field-components';
import { enums, resourceMeta, showFields } from '../metadata';
import { PromptedAction } from './domain-action';
import { IfMayRun, ShowActions } from '../generic/actions';
import { useOwnOrganizationFilter, useResourcePermission } from '../permissions';
import { useLang } from './use-lang';

const finding = resourceMeta('Finding');

function FindingCard({ record }: { record: RaRecord }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  return (
    <Card
      variant="outlined"
      data-testid="finding-card"
      data-overdue={record.overdue ? 'true' : 'false'}
      sx={{ mb: 1, borderColor: record.overdue ? 'error.main' : undefined, borderWidth: record.overdue ? 2 : 1 }}
    >
      <CardActionArea onClick={() => navigate(`/Finding/${record.id}/show`)}>
        <CardContent sx={{ p: 1.5 }}>
          <Typography variant="body2">{record.description}</Typography>
          <Typography variant="caption" color={record.overdue ? 'error' : 'text.secondary'}>
            {record.dueDate}
          </Typography>
          <Box sx={{ display: 'flex', gap: 0.5, mt: 0.5, flexWrap: 'wrap' }}>
            {record.overdue && <Chip size="small" color="error" label={translate('app.findings.overdue')} />}
            {record.escalation !== 'NONE' && <Chip size="small" color="warning" label={translate(`enums.EscalationLevel.${record.escalation}`)} />}
          </Box>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

function Columns() {
  const { data } = useListContext();
  const lang = useLang();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(220px, 1fr))', gap: 2, mt: 1 }}>
      {enums.FindingStatus.values.map((status) => {
        const cards = (data ?? []).filter((r) => r.status === status.value);
        return (
          <Paper key={status.value} sx={{ p: 1, bgcolor: 'action.hover' }} data-testid={`column-${status.value}`}>
            <Typography variant="subtitle1" sx={{ px: 0.5, pb: 1 }}>
              {status.label[lang]} · {cards.length}
            </Typography>
            {cards.map((r) => (
              <FindingCard key={r.id} record={r} />
            ))}
          </Paper>
        );
      })}
    </Box>
  );
}

/** The findings board: one column per status, overdue ones outlined in red with their escalation. */
export function FindingsBoard() {
  const translate = useTranslate();
  const { create: mayCreate } = useResourcePermission('Finding');
  return (
    <ListBase perPage={1000} sort={{ field: 'dueDate', order: 'ASC' }} filterDefaultValues={useOwnOrganizationFilter('Finding')}>
      <Title title="app.findings.board" />
      <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <FilterForm filters={filtersFor(finding, translate)} />
        <TopToolbar>{mayCreate && <CreateButton />}</TopToolbar>
      </Box>
      <Columns />
    </ListBase>
  );
}

function SendBack() {
  const record = useRecordContext();
  if (record?.status !== 'RECTIFIED') return null;
  return (
    <IfMayRun operation="sendBackFinding">
      <PromptedAction
        mutation="sendBackFinding"
        label="app.findings.send_back"
        done="app.findings.sent_back"
        arg="reason"
        fieldLabel="app.findings.reason"
        icon={<UndoIcon />}
      />
    </IfMayRun>
  );
}

export function FindingShow() {
  return (
    <Show
      actions={
        <ShowActions>
          <SendBack />
        </ShowActions>
      }
    >
      <SimpleShowLayout>
        {showFields(finding).map((f) => fieldFor(f))}
        <Labeled label="app.history.title" fullWidth>
          <RecordHistory />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
