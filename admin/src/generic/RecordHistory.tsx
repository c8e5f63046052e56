import { useQuery } from '@tanstack/react-query';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { graphql } from '../data-provider';
import { RecordHistoryDocument } from '../generated/operations';
import { useLang } from '../screens/use-lang';

/**
 * A record's history from the audit trail: who changed which field from what to what, oldest first.
 * The API reads the values as people do (labels, names, local times); the id a new record was given
 * is left out, as the page already shows it.
 */
export function RecordHistory() {
  const record = useRecordContext();
  const resource = useResourceContext();
  const translate = useTranslate();
  const lang = useLang();
  const { data } = useQuery({
    queryKey: ['history', resource, record?.id, record?.version],
    enabled: Boolean(record && resource),
    queryFn: () => graphql(RecordHistoryDocument, { resource: resource!, id: String(record!.id) }),
  });
  if (!data) return null;
  if (!data.auditTrail.length) return <Typography color="text.secondary">{translate('app.history.none')}</Typography>;
  return (
    <Table size="small" data-testid="record-history">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.history.at')}</TableCell>
          <TableCell>{translate('app.history.who')}</TableCell>
          <TableCell>{translate('app.history.what')}</TableCell>
          <TableCell>{translate('app.history.changes')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.auditTrail.map((e) => (
          <TableRow key={e.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.atLocal}</TableCell>
            <TableCell>{e.actorName}</TableCell>
            <TableCell>{translate(`app.history.${e.operation}`, { _: e.operation })}</TableCell>
            <TableCell>
              {e.fieldChanges
                .filter((c) => c.field !== 'id')
                .map((c) => (
                  <div key={c.field}>{translate('app.history.change', { field: c.label[lang], before: c.beforeText[lang], after: c.afterText[lang] })}</div>
                ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
