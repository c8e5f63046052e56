import { useQuery } from '@tanstack/react-query';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { graphql } from '../data-provider';

interface Entry {
  id: string;
  at: string;
  actorName: string;
  operation: string;
  changes: Record<string, [unknown, unknown]>;
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join('、') : String(v));

/** A record's history from the audit trail: who changed which field from what to what, oldest first. */
export function RecordHistory() {
  const record = useRecordContext();
  const resource = useResourceContext();
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['history', resource, record?.id, record?.version],
    enabled: Boolean(record && resource),
    queryFn: () =>
      graphql<{ auditTrail: Entry[] }>('query($r: String!, $id: ID!) { auditTrail(resource: $r, id: $id) { id at actorName operation changes } }', {
        r: resource,
        id: record!.id,
      }),
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
            <TableCell>{new Date(e.at).toLocaleString('zh-CN')}</TableCell>
            <TableCell>{e.actorName}</TableCell>
            <TableCell>{translate(`app.history.${e.operation}`, { _: e.operation })}</TableCell>
            <TableCell>
              {Object.entries(e.changes).map(([field, [before, after]]) => (
                <div key={field}>
                  {translate(`resources.${resource}.fields.${field}`, { _: field })}：{show(before)} → {show(after)}
                </div>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
