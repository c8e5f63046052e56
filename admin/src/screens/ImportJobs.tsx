import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Card, CardContent, Chip, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { graphql } from '../data-provider';
import { formatDateTime } from '../dates';
import { resources } from '../metadata';
import { ImportJobsDocument } from '../generated/operations';
import { useLang } from './use-lang';

const STATUS_COLOR = { QUEUED: 'default', RUNNING: 'info', DONE: 'success', FAILED: 'error' } as const;

/** The import jobs (one's own; every one for a county administrator), newest first, refreshed while any runs. */
export function ImportJobs() {
  const translate = useTranslate();
  const lang = useLang();
  const { data, error } = useQuery({
    queryKey: ['importJobs'],
    queryFn: () => graphql(ImportJobsDocument).then((d) => d.importJobs),
    refetchInterval: (query) => (query.state.data?.some((j) => j.status === 'QUEUED' || j.status === 'RUNNING') ? 1000 : 5000),
  });
  const label = (name: string) => resources.find((r) => r.name === name)?.label[lang] ?? name;
  return (
    <Card sx={{ mt: 2 }} data-testid="import-jobs">
      <Title title="app.spreadsheets.jobs" />
      <CardContent>
        {error && <Alert severity="error">{String((error as Error).message)}</Alert>}
        {data && !data.length && <Alert severity="info">{translate('app.spreadsheets.jobs_empty')}</Alert>}
        {data && data.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                {['job_at', 'job_resource', 'job_file', 'job_mode', 'job_status', 'job_progress', 'job_result', 'job_by'].map((k) => (
                  <TableCell key={k}>{translate(`app.spreadsheets.${k}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((job) => (
                <TableRow key={job.id} data-testid={`job-${job.id}`}>
                  <TableCell>{formatDateTime(job.createdAt)}</TableCell>
                  <TableCell>{label(job.resource)}</TableCell>
                  <TableCell>{job.fileName}</TableCell>
                  <TableCell>{translate(job.dryRun ? 'app.spreadsheets.dry_run' : 'app.spreadsheets.committed')}</TableCell>
                  <TableCell>
                    <Chip size="small" color={STATUS_COLOR[job.status]} label={translate(`app.spreadsheets.status.${job.status}`)} />
                  </TableCell>
                  <TableCell sx={{ minWidth: 140 }}>
                    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                      <LinearProgress
                        sx={{ flex: 1 }}
                        variant="determinate"
                        value={job.status === 'DONE' || job.status === 'FAILED' ? 100 : (100 * job.rowsDone) / Math.max(job.rowsTotal, 1)}
                      />
                      {job.rowsDone}/{job.rowsTotal}
                    </Box>
                  </TableCell>
                  <TableCell>
                    {job.failure
                      ? job.failure[lang]
                      : translate('app.spreadsheets.result', { created: job.created, updated: job.updated, unchanged: job.unchanged, errors: job.errors.length })}
                  </TableCell>
                  <TableCell>{job.startedBy}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
