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
import { Button, Title, useNotify, useTranslate } from 'react-admin';
import { graphql } from '../data-provider';
import { resources } from '../metadata';
import { useLang } from './use-lang';

interface Token {
  id: string;
  name: string;
  scopes: string[];
  personalData: boolean;
  expiresAt: string;
  revokedAt: string | null;
}

const FIELDS = 'id name scopes personalData expiresAt revokedAt';

/** County administrators issue read-only tokens for other systems, see them, and revoke them. */
export function ApiTokens() {
  const translate = useTranslate();
  const notify = useNotify();
  const lang = useLang();
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: ['api-tokens'], queryFn: () => graphql<{ apiTokens: Token[] }>(`{ apiTokens { ${FIELDS} } }`) });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [personal, setPersonal] = useState(false);
  const [expires, setExpires] = useState(new Date(Date.now() + 365 * 86400_000).toISOString().slice(0, 10));
  const [secret, setSecret] = useState<string | null>(null);
  const label = (name: string) => resources.find((r) => r.name === name)?.label[lang] ?? name;

  const issue = async () => {
    try {
      const res = await graphql<{ issueApiToken: { secret: string } }>(
        'mutation($n: String!, $s: [String!]!, $e: DateTimeISO!, $p: Boolean) { issueApiToken(name: $n, scopes: $s, expiresAt: $e, personalData: $p) { secret } }',
        { n: name, s: scopes, e: new Date(`${expires}T23:59:59+08:00`).toISOString(), p: personal },
      );
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
      await graphql('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id });
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
                <TableCell>{new Date(t.expiresAt).toLocaleDateString('zh-CN')}</TableCell>
                <TableCell>
                  {t.revokedAt ? (
                    <Chip size="small" label={translate('app.tokens.revoked')} />
                  ) : (
                    <Button label="app.tokens.revoke" color="error" onClick={() => revoke(t.id)} />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      <Dialog open={secret !== null} onClose={() => setSecret(null)} maxWidth="md">
        <DialogTitle>{translate('app.tokens.secret_title')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('app.tokens.secret_hint')}
          </Alert>
          <Typography sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="token-secret">
            {secret}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.close" onClick={() => setSecret(null)} />
        </DialogActions>
      </Dialog>
    </Box>
  );
}
