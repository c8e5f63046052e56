import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Button, Confirm, Title, useNotify, useTranslate } from 'react-admin';
import { addDays, endOfDay, formatDateTime, today } from '../dates';
import { useMyPermissions } from '../permissions';
import { graphql } from '../data-provider';
import { ApiTokensDocument, IssueApiTokenDocument, RevokeApiTokenDocument, type ApiTokensQuery } from '../generated/operations';
import { resources } from '../metadata';
import { useLang } from './use-lang';

type Token = ApiTokensQuery['apiTokens'][number];

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

/** County administrators issue read-only tokens for other systems, see them, and revoke them. */
export function ApiTokens() {
  const permissions = useMyPermissions();
  return permissions?.operations.includes('apiTokens') ? <ApiTokenScreen /> : null;
}

function ApiTokenScreen() {
  const translate = useTranslate();
  const notify = useNotify();
  const lang = useLang();
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: ['api-tokens'], queryFn: () => graphql(ApiTokensDocument) });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [personal, setPersonal] = useState(false);
  // A year from today, today being the county's day (the configured zone), not the UTC one.
  const [expires, setExpires] = useState(() => addDays(today(), 365));
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const [secretElement, setSecretElement] = useState<HTMLElement | null>(null);
  const label = (name: string) => resources.find((r) => r.name === name)?.label[lang] ?? name;

  const issue = async () => {
    try {
      const res = await graphql(IssueApiTokenDocument, { name, scopes, expiresAt: endOfDay(expires).toISOString(), personalData: personal });
      setSecret(res.issueApiToken.secret);
      setName('');
      setScopes([]);
      notify('app.tokens.issued', { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error', multiLine: true });
    }
    client.invalidateQueries({ queryKey: ['api-tokens'] });
  };
  const revoke = async (id: string) => {
    try {
      await graphql(RevokeApiTokenDocument, { id });
      notify('app.tokens.revoked_done', { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
    client.invalidateQueries({ queryKey: ['api-tokens'] });
  };

  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
      <Title title="app.tokens.title" />
      <Card>
        <CardContent sx={{ display: 'grid', gap: 2, maxWidth: 720 }}>
          <TextField label={translate('app.tokens.name')} value={name} onChange={(e) => setName(e.target.value)} size="small" name="token-name" />
          <TextField
            select
            label={translate('app.tokens.scopes')}
            value={scopes}
            onChange={(e) => setScopes(typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as string[]))}
            size="small"
            slotProps={{ select: { multiple: true, renderValue: (v) => (v as string[]).map(label).join('、') } }}
            name="token-scopes"
          >
            {resources.map((r) => (
              <MenuItem key={r.name} value={r.name}>
                {r.label[lang]}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel control={<Checkbox checked={personal} onChange={(e) => setPersonal(e.target.checked)} />} label={translate('app.tokens.personal')} />
          <TextField type="date" label={translate('app.tokens.expires')} value={expires} onChange={(e) => setExpires(e.target.value)} size="small" slotProps={{ inputLabel: { shrink: true } }} />
          <Box>
            <Button label="app.tokens.issue" variant="contained" onClick={issue} disabled={!name || !scopes.length} />
          </Box>
        </CardContent>
      </Card>
      <Card>
        <Table size="small" data-testid="api-tokens">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.tokens.name')}</TableCell>
              <TableCell>{translate('app.tokens.scopes')}</TableCell>
              <TableCell>{translate('app.tokens.expires')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(data?.apiTokens ?? []).map((t) => (
              <TableRow key={t.id}>
                <TableCell>
                  {t.name} {t.personalData && <Chip size="small" label={translate('app.tokens.personal')} />}
                </TableCell>
                <TableCell>{t.scopes.map(label).join('、')}</TableCell>
                <TableCell>{formatDateTime(t.expiresAt)}</TableCell>
                <TableCell>
                  {t.revokedAt ? (
                    <Chip size="small" label={translate('app.tokens.revoked')} />
                  ) : (
                    <Button label="app.tokens.revoke" color="error" onClick={() => setRevoking(t)} />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      <Confirm
        isOpen={revoking !== null}
        title="app.tokens.confirm_revoke_title"
        content="app.tokens.confirm_revoke"
        translateOptions={{ name: revoking?.name ?? '' }}
        onConfirm={() => {
          const token = revoking!;
          setRevoking(null);
          void revoke(token.id);
        }}
        onClose={() => setRevoking(null)}
      />
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
    </Box>
  );
}
