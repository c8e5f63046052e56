import { cloneElement, useState, type ReactElement } from 'react';
import { Box, Card, CardActionArea, CardContent, Chip, MenuItem, Paper, TextField, Typography } from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import CampaignIcon from '@mui/icons-material/Campaign';
import {
  ListBase,
  Labeled,
  Title,
  TopToolbar,
  useListContext,
  useRecordContext,
  useTranslate,
  FilterForm,
  CreateButton,
  Datagrid,
  ReferenceManyField,
  type RaRecord,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { fieldFor, filtersFor } from '../generic/field-components';
import { ResourceShow } from '../generic/views';
import { CreateFindingEscalationDocument, SendBackFindingDocument, type EscalationLevel } from '../generated/operations';
import { enums, resourceMeta } from '../metadata';
import { PromptedAction } from './domain-action';
import { PrintButton } from './PrintViews';
import { IfMayRun, ShowActions } from '../generic/actions';
import { useOwnOrganizationFilter, useRecordPermission, useResourcePermission } from '../permissions';
import { today } from '../dates';
import { useLang } from './use-lang';

const finding = resourceMeta('Finding');
const escalation = resourceMeta('FindingEscalation');

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

/** Filters the board always shows: the street responsible, and whether overdue. */
const BOARD_FILTERS = ['q', 'responsibleOrganizationId', 'overdue'];

/** The findings board: one column per status, overdue ones outlined in red with their escalation. */
export function FindingsBoard() {
  const translate = useTranslate();
  const filters = filtersFor(finding, translate).map((f) => {
    const props = f.props as { source: string };
    return BOARD_FILTERS.includes(props.source) ? cloneElement(f as ReactElement<{ alwaysOn?: boolean }>, { alwaysOn: true }) : f;
  });
  const { create: mayCreate } = useResourcePermission('Finding');
  return (
    <ListBase perPage={1000} sort={{ field: 'dueDate', order: 'ASC' }} filterDefaultValues={useOwnOrganizationFilter('Finding')}>
      <Title title="app.findings.board" />
      <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <FilterForm filters={filters} />
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
        mutation={SendBackFindingDocument}
        variables={(r, reason) => ({ id: String(r.id), version: r.version, reason })}
        label="app.findings.send_back"
        done="app.findings.sent_back"
        arg="reason"
        fieldLabel="app.findings.reason"
        icon={<UndoIcon />}
      />
    </IfMayRun>
  );
}

/** Appends an escalation (提醒函 … 移送纪委) to the finding on screen: level, date and note in one dialog. */
function Escalate() {
  const record = useRecordContext();
  const translate = useTranslate();
  const lang = useLang();
  const [level, setLevel] = useState('');
  const [day, setDay] = useState(today());
  // An escalation belongs to its finding's organization: whoever may create one and change this finding.
  const mayCreate = useResourcePermission('FindingEscalation').create;
  const mayChangeFinding = useRecordPermission('Finding', record).update;
  const mayEscalate = mayCreate && mayChangeFinding;
  if (!record || record.status === 'VERIFIED' || !mayEscalate) return null;
  return (
    <PromptedAction
      mutation={CreateFindingEscalationDocument}
      variables={(r, note) => ({ findingId: String(r.id), level: level as EscalationLevel, escalatedOn: day, note })}
      ready={Boolean(level && day)}
      label="app.findings.escalate"
      done="app.findings.escalated"
      arg="note"
      fieldLabel="resources.FindingEscalation.fields.note"
      helperText="resources.FindingEscalation.helpers.note"
      icon={<CampaignIcon />}
      extra={
        <Box sx={{ display: 'flex', gap: 2, mt: 1 }}>
          <TextField select name="level" label={translate('resources.FindingEscalation.fields.level')} value={level} onChange={(e) => setLevel(e.target.value)} sx={{ minWidth: 200 }}>
            {enums.EscalationLevel.values
              .filter((v) => v.value !== 'NONE')
              .map((v) => (
                <MenuItem key={v.value} value={v.value}>
                  {v.label[lang]}
                </MenuItem>
              ))}
          </TextField>
          <TextField
            type="date"
            name="escalatedOn"
            label={translate('resources.FindingEscalation.fields.escalatedOn')}
            value={day}
            onChange={(e) => setDay(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Box>
      }
    />
  );
}

export function FindingShow() {
  return (
    <ResourceShow
      resource={finding}
      actions={
        <ShowActions>
          <PrintButton view="finding" />
          <Escalate />
          <SendBack />
        </ShowActions>
      }
    >
      <Labeled label="app.findings.escalations" fullWidth>
        <ReferenceManyField reference="FindingEscalation" target="findingId" sort={{ field: 'escalatedOn', order: 'ASC' }}>
          <Datagrid bulkActionButtons={false} rowClick="show" empty={<Typography color="text.secondary">{'—'}</Typography>}>
            {escalation.fields.filter((f) => ['level', 'escalatedOn', 'note'].includes(f.name)).map((f) => fieldFor(f))}
          </Datagrid>
        </ReferenceManyField>
      </Labeled>
    </ResourceShow>
  );
}
