import { useState } from 'react';
import { Box, Card, CardActionArea, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Paper, TextField as MuiTextField, Typography } from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import {
  Button,
  EditButton,
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
import { useDomainAction } from './use-domain-action';
import { useLang } from './use-lang';

const finding = resourceMeta('Finding');

function FindingCard({ record }: { record: RaRecord }) {
  const translate = useTranslate();
  const lang = useLang();
  const navigate = useNavigate();
  const escalation = enums.EscalationLevel.values.find((v) => v.value === record.escalation);
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
            {record.escalation !== 'NONE' && escalation && <Chip size="small" color="warning" label={escalation.label[lang]} />}
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
  return (
    <ListBase perPage={1000} sort={{ field: 'dueDate', order: 'ASC' }}>
      <Title title="app.findings.board" />
      <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <FilterForm filters={filtersFor(finding, translate)} />
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      </Box>
      <Columns />
    </ListBase>
  );
}

function SendBack() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { run, busy } = useDomainAction('sendBackFinding', 'app.findings.sent_back', { reason: ['String!', reason] });
  if (record?.status !== 'RECTIFIED') return null;
  return (
    <>
      <Button label="app.findings.send_back" startIcon={<UndoIcon />} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>{translate('app.findings.send_back')}</DialogTitle>
        <DialogContent>
          <MuiTextField autoFocus fullWidth multiline label={translate('app.findings.reason')} value={reason} onChange={(e) => setReason(e.target.value)} sx={{ mt: 1 }} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="ra.action.confirm" variant="contained" disabled={busy} onClick={() => { setOpen(false); run(); }} />
        </DialogActions>
      </Dialog>
    </>
  );
}

export function FindingShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <SendBack />
          <EditButton />
        </TopToolbar>
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
