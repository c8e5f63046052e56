import { useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Box, Link, MenuItem, TextField, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import UploadIcon from '@mui/icons-material/Upload';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, Confirm, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { authFetch, graphqlFromMetadata } from '../data-provider';
import { formatDateTime } from '../dates';
import type { ResourceMetadata } from '../metadata';
import { useRecordPermission } from '../permissions';
import { useLang } from '../screens/use-lang';

// The files kept with a record (a catalog's 发文, a finding's 整改报告), on the page of any record
// whose metadata says it takes them: a list to download from, and, for users who may change the
// record, an upload with its kind and a delete. The server checks everything again (size, type by
// content, who may write), and its refusal is shown as it words it.

interface Attachment {
  id: string;
  kind: string | null;
  fileName: string;
  size: number;
  uploadedAt: string;
  uploadedBy: string;
  url: string;
}

const FIELDS = 'id kind fileName size uploadedAt uploadedBy url';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The API's refusal of a route call, in the user's language. */
async function refusalOf(res: Response, lang: 'zh' | 'en'): Promise<string> {
  try {
    const body = (await res.json()) as { errors?: { message: string; extensions?: { messages?: { zh: string; en: string }; fieldErrors?: { zh: string; en: string }[] } }[] };
    const error = body.errors?.[0];
    const fields = error?.extensions?.fieldErrors?.map((f) => f[lang]);
    return fields?.length ? fields.join(lang === 'zh' ? '；' : '; ') : (error?.extensions?.messages?.[lang] ?? error?.message ?? res.statusText);
  } catch {
    return res.statusText;
  }
}

/** Saves a file the way a link would, with the token the API needs. */
async function save(file: Attachment, notify: ReturnType<typeof useNotify>, lang: 'zh' | 'en'): Promise<void> {
  const res = await authFetch(file.url);
  if (!res.ok) {
    notify(await refusalOf(res, lang), { type: 'error' });
    return;
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Attachments({ resource }: { resource: ResourceMetadata }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const lang = useLang();
  const queryClient = useQueryClient();
  const { update: mayWrite } = useRecordPermission(resource.name, record);
  const kinds = resource.attachments?.kinds ?? [];
  const [kind, setKind] = useState(kinds[0]?.value ?? '');
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<Attachment | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const key = ['attachments', resource.name, record?.id];
  const { data } = useQuery({
    queryKey: key,
    enabled: Boolean(record && resource.attachments),
    queryFn: () =>
      graphqlFromMetadata<Record<string, { attachments: Attachment[] } | null>>(`query($id: ID!) { ${resource.name}(id: $id) { id attachments { ${FIELDS} } } }`, {
        id: record!.id,
      }).then((d) => d[resource.name]?.attachments ?? []),
  });
  if (!record || !resource.attachments) return null;

  // The list, and the record's history, which records each upload and deletion.
  const changed = () => Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: ['history', resource.name, record.id] })]);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const res = await authFetch(`/attachments/${resource.name}/${record.id}${kind ? `?kind=${encodeURIComponent(kind)}` : ''}`, { method: 'POST', body: form });
      if (!res.ok) {
        notify(translate('app.attachments.upload_failed', { error: await refusalOf(res, lang) }), { type: 'error' });
        return;
      }
      notify('app.attachments.uploaded', { type: 'success' });
      await changed();
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async () => {
    const file = deleting!;
    setDeleting(null);
    try {
      await graphqlFromMetadata('mutation($id: ID!) { deleteAttachment(id: $id) { id } }', { id: file.id });
      notify('app.attachments.deleted', { type: 'success' });
      await changed();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };

  const kindLabel = (value: string | null) => kinds.find((k) => k.value === value)?.label[lang] ?? '—';
  const files = data ?? [];
  return (
    <Box data-testid="attachments">
      {files.length ? (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.attachments.file')}</TableCell>
              {kinds.length > 0 && <TableCell>{translate('app.attachments.kind')}</TableCell>}
              <TableCell>{translate('app.attachments.size')}</TableCell>
              <TableCell>{translate('app.attachments.by')}</TableCell>
              <TableCell>{translate('app.attachments.at')}</TableCell>
              {mayWrite && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {files.map((f) => (
              <TableRow key={f.id} data-testid="attachment-row">
                <TableCell>
                  <Link component="button" type="button" onClick={() => save(f, notify, lang)} data-testid="attachment-download">
                    {f.fileName}
                  </Link>
                </TableCell>
                {kinds.length > 0 && <TableCell>{kindLabel(f.kind)}</TableCell>}
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{sizeText(f.size)}</TableCell>
                <TableCell>{f.uploadedBy}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(f.uploadedAt, lang === 'zh' ? 'zh-CN' : 'en-GB')}</TableCell>
                {mayWrite && (
                  <TableCell>
                    <Button label="ra.action.delete" color="error" onClick={() => setDeleting(f)} data-testid="attachment-delete">
                      <DeleteIcon />
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('app.attachments.none')}
        </Typography>
      )}
      {mayWrite && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 1 }}>
          {kinds.length > 0 && (
            <TextField
              select
              size="small"
              label={translate('app.attachments.kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              fullWidth={false}
              sx={{ width: 200, flexShrink: 0 }}
              slotProps={{ htmlInput: { 'data-testid': 'attachment-kind' } }}
            >
              {kinds.map((k) => (
                <MenuItem key={k.value} value={k.value}>
                  {k.label[lang]}
                </MenuItem>
              ))}
            </TextField>
          )}
          <Button label="app.attachments.upload" onClick={() => input.current?.click()} disabled={busy} variant="outlined" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
            <UploadIcon />
          </Button>
          <input
            ref={input}
            type="file"
            hidden
            data-testid="attachment-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          <Typography variant="caption" color="text.secondary">
            {translate('app.attachments.hint')}
          </Typography>
        </Box>
      )}
      <Confirm
        isOpen={Boolean(deleting)}
        title="app.attachments.confirm_delete_title"
        content={translate('app.attachments.confirm_delete', { name: deleting?.fileName ?? '' })}
        onConfirm={remove}
        onClose={() => setDeleting(null)}
      />
    </Box>
  );
}
