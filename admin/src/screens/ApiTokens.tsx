import { useState } from 'react';
import { Alert, Box, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, TextField, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import KeyIcon from '@mui/icons-material/Key';
import BlockIcon from '@mui/icons-material/Block';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { addDays, endOfDay, formatDateTime, today } from '../dates';
import { useMyPermissions } from '../permissions';
import { graphql } from '../data-provider';
import { IssueApiTokenDocument, RevokeApiTokenDocument } from '../generated/operations';
import { resourceMeta, resources } from '../metadata';
import { ResourceList, ResourceShow } from '../generic/views';
import { IfMayRun, ListActions, ShowActions } from '../generic/actions';
import { ConfirmedAction } from './domain-action';
import { useLang } from './use-lang';

// API tokens are records like any other (their list and page are the generated ones); what is more
// than a form is issuing one, whose secret is shown this once, and revoking one.

const token = resourceMeta('ApiToken');

/** Copies the one-time secret; where the browser offers no clipboard API (plain http), selects and copies it. */
async function copyText(text: string, element: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!element) return false;
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return document.execCommand('copy');
  }
}

/** 签发令牌: a dialog asking what the token may read and until when, then its secret, once. */
function IssueToken() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [personal, setPersonal] = useState(false);
  // A year from today, today being the county's day (the configured zone), not the UTC one.
  const [expires, setExpires] = useState(() => addDays(today(), 365));
  const [secret, setSecret] = useState<string | null>(null);
  const [secretElement, setSecretElement] = useState<HTMLElement | null>(null);
  // Any record but the tokens themselves, which only administrators read.
  const readable = resources.filter((r) => r.name !== token.name);
  const label = (name: string) => resources.find((r) => r.name === name)?.label[lang] ?? name;

  const issue = async () => {
    setBusy(true);
    try {
      const res = await graphql(IssueApiTokenDocument, { name, scopes, expiresAt: endOfDay(expires).toISOString(), personalData: personal });
      setOpen(false);
      setSecret(res.issueApiToken.secret);
      setName('');
      setScopes([]);
      setPersonal(false);
      notify('app.tokens.issued', { type: 'success' });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="app.tokens.issue" startIcon={<KeyIcon />} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.tokens.issue')}</DialogTitle>
        <DialogContent>
          <Box sx={{ display: 'grid', gap: 2, pt: 1 }}>
            <TextField label={translate('app.tokens.name')} value={name} onChange={(e) => setName(e.target.value)} size="small" name="token-name" autoFocus />
            <TextField
              select
              label={translate('app.tokens.scopes')}
              value={scopes}
              onChange={(e) => setScopes(typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as string[]))}
              size="small"
              slotProps={{ select: { multiple: true, renderValue: (v) => (v as string[]).map(label).join('、') } }}
              name="token-scopes"
            >
              {readable.map((r) => (
                <MenuItem key={r.name} value={r.name}>
                  {r.label[lang]}
                </MenuItem>
              ))}
            </TextField>
            <FormControlLabel control={<Checkbox checked={personal} onChange={(e) => setPersonal(e.target.checked)} />} label={translate('app.tokens.personal')} />
            <TextField type="date" label={translate('app.tokens.expires')} value={expires} onChange={(e) => setExpires(e.target.value)} size="small" slotProps={{ inputLabel: { shrink: true } }} />
          </Box>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="app.tokens.issue" variant="contained" onClick={issue} disabled={busy || !name || !scopes.length} />
        </DialogActions>
      </Dialog>
      <Dialog open={secret !== null} onClose={() => setSecret(null)} maxWidth="md">
        <DialogTitle>{translate('app.tokens.secret_title')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('app.tokens.secret_hint')}
          </Alert>
          <Typography sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="token-secret" ref={setSecretElement}>
            {secret}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button
            label="app.tokens.copy"
            startIcon={<ContentCopyIcon />}
            variant="contained"
            onClick={async () => notify((await copyText(secret ?? '', secretElement)) ? 'app.tokens.copied' : 'app.tokens.copy_failed', { type: 'info' })}
          />
          <Button label="ra.action.close" onClick={() => setSecret(null)} />
        </DialogActions>
      </Dialog>
    </>
  );
}

/** The tokens, newest first, with 签发令牌 for those who may issue them. */
export function ApiTokenList() {
  const mayIssue = useMyPermissions()?.operations.includes('issueApiToken');
  return (
    <ResourceList
      resource={token}
      actions={<ListActions>{mayIssue && <IssueToken />}</ListActions>}
    />
  );
}

/** 吊销: a token still in force stops working at its next request; asks first. */
function RevokeToken() {
  const record = useRecordContext();
  if (!record || record.revokedAt) return null;
  return (
    <IfMayRun operation="revokeApiToken">
      <ConfirmedAction
        mutation={RevokeApiTokenDocument}
        label="app.tokens.revoke"
        confirm="app.tokens.confirm_revoke"
        done="app.tokens.revoked_done"
        icon={<BlockIcon />}
        color="error"
      />
    </IfMayRun>
  );
}

/** Says first that a token no longer works. */
function RevokedNote() {
  const translate = useTranslate();
  const record = useRecordContext();
  if (!record?.revokedAt) return <span />;
  return (
    <Alert severity="info" data-testid="token-revoked">
      {translate('app.tokens.revoked')} · {formatDateTime(record.revokedAt as string)}
    </Alert>
  );
}

/** A token's page: its fields and history, with 吊销. */
export function ApiTokenShow() {
  return (
    <ResourceShow
      resource={token}
      notes={<RevokedNote />}
      actions={
        <ShowActions>
          <RevokeToken />
        </ShowActions>
      }
    />
  );
}
