import { useState } from 'react';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Button, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { graphql } from '../data-provider';
import { DraftNextEditionDocument } from '../generated/operations';
import { useResourcePermission } from '../permissions';

// 动态调整 starts here: a published catalog's next edition as a draft copy (the API's
// draftNextEdition), for those who may create catalogs; the server checks the same rule.

const FIELDS = ['title', 'effectiveFrom'] as const;

export function DraftNextEditionButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const { create } = useResourcePermission('DelegationCatalog');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [values, setValues] = useState({ title: '', effectiveFrom: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!record || record.status !== 'PUBLISHED' || !create) return null;

  const submit = async () => {
    setBusy(true);
    try {
      const data = await graphql(DraftNextEditionDocument, { catalogId: String(record.id), title: values.title, effectiveFrom: values.effectiveFrom });
      setOpen(false);
      notify('app.catalog.next_drafted', { type: 'success' });
      navigate(`/DelegationCatalog/${data.draftNextEdition.id}/show`);
    } catch (e) {
      const error = e as Error & { body?: { errors?: Record<string, string> } };
      const fields = error.body?.errors ?? {};
      setErrors(fields);
      // What no input of the dialog shows (the catalog's state, a draft that exists already).
      const elsewhere = Object.entries(fields).filter(([k]) => !FIELDS.includes(k as (typeof FIELDS)[number]));
      if (elsewhere.length || !Object.keys(fields).length) notify(elsewhere.length ? elsewhere.map(([, m]) => m).join('\n') : error.message, { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  const input = (field: (typeof FIELDS)[number], label: string, type = 'text') => (
    <TextField
      fullWidth
      name={field}
      type={type}
      label={translate(label)}
      value={values[field]}
      error={Boolean(errors[field])}
      helperText={errors[field]}
      onChange={(e) => {
        setValues((v) => ({ ...v, [field]: e.target.value }));
        setErrors((old) => ({ ...old, [field]: '' }));
      }}
      slotProps={type === 'date' ? { inputLabel: { shrink: true } } : undefined}
      sx={{ mt: 2 }}
    />
  );
  return (
    <>
      <Button label="app.catalog.next_edition" startIcon={<ContentCopyIcon />} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.catalog.next_edition')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('app.catalog.next_edition_hint')}</DialogContentText>
          {input('title', 'app.catalog.next_title')}
          {input('effectiveFrom', 'app.catalog.next_effective', 'date')}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="ra.action.confirm" variant="contained" disabled={busy || !values.title || !values.effectiveFrom} onClick={submit} />
        </DialogActions>
      </Dialog>
    </>
  );
}
