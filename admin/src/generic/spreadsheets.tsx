import { useRef, useState } from 'react';
import { Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Menu, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import { Button, useListContext, useNotify, useRefresh, useResourceContext, useTranslate } from 'react-admin';
import { authFetch, graphql } from '../data-provider';
import { ImportJobDocument, type ImportJobFieldsFragment } from '../generated/operations';
import { resources } from '../metadata';
import { useLang } from '../screens/use-lang';

// The spreadsheet buttons of every generated list: 导出 writes the list as the server has it (the
// current filters and order, every page), 导入 uploads a file, shows the server's check of it line
// by line, and imports it once the user confirms.

export interface ImportProblem {
  row: number;
  column: string;
  code: string;
  zh: string;
  en: string;
}

export type ImportJob = ImportJobFieldsFragment;


async function errorText(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { errors?: { message: string }[] };
    return body.errors?.[0]?.message ?? res.statusText;
  } catch {
    return res.statusText;
  }
}

export function ExportButton() {
  const resource = useResourceContext()!;
  const { filterValues, sort } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const lang = useLang();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const download = async (format: 'xlsx' | 'csv') => {
    setAnchor(null);
    const params = new URLSearchParams({ format, lang });
    if (filterValues && Object.keys(filterValues).length) params.set('filter', JSON.stringify(filterValues));
    if (sort?.field) params.set('sortField', sort.field);
    if (sort?.order) params.set('sortOrder', sort.order);
    const res = await authFetch(`/export/${resource}?${params}`);
    if (!res.ok) {
      notify(translate('app.spreadsheets.export_failed', { error: await errorText(res) }), { type: 'error' });
      return;
    }
    const label = resources.find((r) => r.name === resource)?.label[lang] ?? resource;
    const url = URL.createObjectURL(await res.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `${label}.${format}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <>
      <Button label="app.spreadsheets.export" onClick={(e) => setAnchor(e.currentTarget)}>
        <DownloadIcon />
      </Button>
      <Menu open={Boolean(anchor)} anchorEl={anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => download('xlsx')}>{translate('app.spreadsheets.export_xlsx')}</MenuItem>
        <MenuItem onClick={() => download('csv')}>{translate('app.spreadsheets.export_csv')}</MenuItem>
      </Menu>
    </>
  );
}

/** Polls a job until it ends, reporting each state. */
async function follow(id: string, onState: (job: ImportJob) => void): Promise<ImportJob> {
  for (;;) {
    const { importJob } = await graphql(ImportJobDocument, { id });
    onState(importJob);
    if (importJob.status === 'DONE' || importJob.status === 'FAILED') return importJob;
    await new Promise((r) => setTimeout(r, 700));
  }
}

export function JobProgress({ job }: { job: ImportJob }) {
  const translate = useTranslate();
  if (job.status !== 'QUEUED' && job.status !== 'RUNNING') return null;
  const total = Math.max(job.rowsTotal, 1);
  return (
    <Box sx={{ my: 2 }}>
      <Typography variant="body2">
        {job.status === 'QUEUED'
          ? translate('app.spreadsheets.queued')
          : translate(job.dryRun ? 'app.spreadsheets.checking' : 'app.spreadsheets.importing', { done: job.rowsDone, total: job.rowsTotal })}
      </Typography>
      <LinearProgress variant={job.rowsTotal ? 'determinate' : 'indeterminate'} value={(100 * job.rowsDone) / total} />
    </Box>
  );
}

export function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  const translate = useTranslate();
  const lang = useLang();
  return (
    <Table size="small" aria-label={translate('app.spreadsheets.problem')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.spreadsheets.row')}</TableCell>
          <TableCell>{translate('app.spreadsheets.column')}</TableCell>
          <TableCell>{translate('app.spreadsheets.problem')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {problems.map((p) => (
          <TableRow key={`${p.row}|${p.column}|${p.code}|${p.zh}`}>
            <TableCell>{p.row}</TableCell>
            <TableCell>{p.column}</TableCell>
            <TableCell>{p[lang]}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ImportButton() {
  const resource = useResourceContext()!;
  const translate = useTranslate();
  const refresh = useRefresh();
  const lang = useLang();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = resources.find((r) => r.name === resource)?.label[lang] ?? resource;

  const run = async (chosen: File, dryRun: boolean) => {
    setError(null);
    setJob(null);
    const form = new FormData();
    form.append('file', chosen, chosen.name);
    const res = await authFetch(`/import/${resource}?dryRun=${dryRun}`, { method: 'POST', body: form });
    if (res.status !== 202) {
      setError(await errorText(res));
      return;
    }
    const { jobId } = (await res.json()) as { jobId: string };
    const done = await follow(jobId, setJob);
    if (!dryRun && done.status === 'DONE') refresh();
  };

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    void run(chosen, true);
    if (input.current) input.current.value = '';
  };

  const close = () => {
    setOpen(false);
    setJob(null);
    setFile(null);
    setError(null);
  };

  const checked = job?.dryRun && job.status === 'DONE' && !job.errors.length;
  const committed = job && !job.dryRun && job.status === 'DONE';
  return (
    <>
      <Button label="app.spreadsheets.import" onClick={() => setOpen(true)}>
        <UploadIcon />
      </Button>
      <Dialog open={open} onClose={close} maxWidth="md" fullWidth>
        <DialogTitle>{translate('app.spreadsheets.import_title', { resource: label })}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('app.spreadsheets.import_hint')}
          </Typography>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            hidden
            data-testid="import-file"
            onChange={(e) => choose(e.target.files?.[0])}
          />
          {!committed && <Button label="app.spreadsheets.choose_file" variant="outlined" onClick={() => input.current?.click()} />}
          {file && <Typography sx={{ display: 'inline', ml: 2 }}>{file.name}</Typography>}
          {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
          {job && <JobProgress job={job} />}
          {job?.failure && <Alert severity="error" sx={{ mt: 2 }}>{translate('app.spreadsheets.failed', { reason: job.failure[lang] })}</Alert>}
          {job && (job.status === 'DONE' || job.status === 'FAILED') && !job.failure && (
            <Box sx={{ mt: 2 }}>
              {job.errors.length ? (
                <>
                  <Alert severity="error">{translate('app.spreadsheets.problems', { count: job.errors.length })}</Alert>
                  <ProblemTable problems={job.errors} />
                </>
              ) : (
                <Alert severity="success">
                  {translate(job.dryRun ? 'app.spreadsheets.check_summary' : 'app.spreadsheets.done_summary', {
                    total: job.rowsTotal,
                    created: job.created,
                    updated: job.updated,
                    unchanged: job.unchanged,
                  })}
                </Alert>
              )}
              {job.notices.length > 0 && (
                <>
                  <Typography variant="subtitle2" sx={{ mt: 2 }}>
                    {translate('app.spreadsheets.notices')}
                  </Typography>
                  <ProblemTable problems={job.notices} />
                </>
              )}
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button label="app.spreadsheets.close" onClick={close} />
          {checked && file && <Button label="app.spreadsheets.commit" variant="contained" onClick={() => void run(file, false)} />}
        </DialogActions>
      </Dialog>
    </>
  );
}
