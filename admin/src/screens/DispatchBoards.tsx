import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Box, Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { Link, Title, useTranslate } from 'react-admin';
import { graphql } from '../data-provider';
import { DeadlineBoardDocument, DispatchAssessmentDocument } from '../generated/operations';
import { currentYear, formatDateTime } from '../dates';
import { useLang } from './use-lang';
import { useMyPermissions } from '../permissions';

// Two pages of cross-unit work: the two-way assessment of call-and-report dispatch (吹哨报到,
// 《武昌区街道综合行政执法规范化建设实施意见》: 双向考核) and the board of what other units are waiting on
// (open referrals and dispatch assignments), each by the API's query of the same name.

const percent = (r: number | null | undefined) => (r == null ? '—' : `${Math.round(r * 1000) / 10}%`);
const figure = (n: number | null | undefined) => (n == null ? '—' : String(n));

export function DispatchAssessment() {
  const translate = useTranslate();
  const [year, setYear] = useState(currentYear());
  const valid = Number.isInteger(year) && year >= 2000 && year <= 2100;
  const { data } = useQuery({
    queryKey: ['dispatch-assessment', year],
    queryFn: () => graphql(DispatchAssessmentDocument, { year }).then((d) => d.dispatchAssessment),
    enabled: valid,
  });
  const t = (key: string) => translate(`app.dispatch.assessment.${key}`);
  return (
    <Card sx={{ mt: 1 }}>
      <Title title={t('title')} />
      <CardContent>
        <TextField label={t('year')} type="number" size="small" name="assessment-year" value={year} onChange={(e) => setYear(Number(e.target.value))} error={!valid} sx={{ mb: 2 }} />
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('hint')}
        </Typography>
        <Typography variant="h6">{t('departments')}</Typography>
        <Table size="small" data-testid="dispatch-departments" sx={{ mb: 3 }}>
          <TableHead>
            <TableRow>
              {['department', 'received', 'acknowledged_on_time', 'arrived_on_time', 'closed', 'average_rating'].map((k) => (
                <TableCell key={k}>{t(k)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {(data?.departments ?? []).map((d) => (
              <TableRow key={d.organizationId} data-testid="dispatch-department-row">
                <TableCell>
                  <Link to={`/Organization/${d.organizationId}/show`}>{d.organization?.name}</Link>
                </TableCell>
                <TableCell>{d.received}</TableCell>
                <TableCell>{`${d.acknowledgedOnTime} (${percent(d.acknowledgedOnTimeRate)})`}</TableCell>
                <TableCell>{`${d.arrivedOnTime} (${percent(d.arrivedOnTimeRate)})`}</TableCell>
                <TableCell>{`${d.closed} (${percent(d.closedRate)})`}</TableCell>
                <TableCell>{`${figure(d.averageRating)}${d.rated ? ` / ${d.rated}` : ''}`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="h6">{t('streets')}</Typography>
        <Table size="small" data-testid="dispatch-streets">
          <TableHead>
            <TableRow>
              {['street', 'raised', 'calls', 'rated', 'average_given'].map((k) => (
                <TableCell key={k}>{t(k)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {(data?.streets ?? []).map((s) => (
              <TableRow key={s.organizationId} data-testid="dispatch-street-row">
                <TableCell>
                  <Link to={`/Organization/${s.organizationId}/show`}>{s.organization?.name}</Link>
                </TableCell>
                <TableCell>{s.raised}</TableCell>
                <TableCell>{s.calls}</TableCell>
                <TableCell>{s.rated}</TableCell>
                <TableCell>{figure(s.averageRatingGiven)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

/** Open referrals and dispatch assignments, the earliest deadline first; a street or township account sees its own. */
export function DeadlineBoard() {
  const translate = useTranslate();
  const lang = useLang();
  const permissions = useMyPermissions();
  const own = permissions?.local ? (permissions.organizationId ?? null) : null;
  const { data } = useQuery({
    queryKey: ['deadline-board', own],
    queryFn: () => graphql(DeadlineBoardDocument, { organizationId: own }).then((d) => d.deadlineBoard),
    enabled: Boolean(permissions),
  });
  const t = (key: string) => translate(`app.board.${key}`);
  const rows = data ?? [];
  return (
    <Card sx={{ mt: 1 }}>
      <Title title={t('title')} />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('hint')}
        </Typography>
        {!rows.length && data ? (
          <Typography data-testid="board-empty">{t('none')}</Typography>
        ) : (
          <Table size="small" data-testid="deadline-board">
            <TableHead>
              <TableRow>
                {['deadline', 'kind', 'matter', 'from', 'to', 'step'].map((k) => (
                  <TableCell key={k}>{t(k)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((e) => (
                <TableRow key={`${e.resource}-${e.id}`} data-testid="board-row" data-overdue={e.overdue}>
                  <TableCell sx={{ whiteSpace: 'nowrap', color: e.overdue ? 'error.main' : undefined }}>
                    {formatDateTime(e.deadline as string, lang === 'zh' ? 'zh-CN' : 'en-GB')}
                    {e.overdue && <Chip size="small" color="error" label={t('overdue')} sx={{ ml: 1 }} />}
                  </TableCell>
                  <TableCell>{t(e.resource === 'CaseReferral' ? 'referral' : 'dispatch')}</TableCell>
                  <TableCell>
                    <Link to={`/${e.resource}/${e.id}/show`}>{e.matter}</Link>
                  </TableCell>
                  <TableCell>{e.fromOrganization?.name}</TableCell>
                  <TableCell>{e.toOrganization?.name}</TableCell>
                  <TableCell>
                    <Box component="span">{translate(`enums.${e.resource === 'CaseReferral' ? 'ReferralStatus' : 'DispatchStatus'}.${e.status}`)}</Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
