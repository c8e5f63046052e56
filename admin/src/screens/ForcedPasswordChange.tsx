import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { Alert, Box, Card, CardContent, TextField, Typography } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import { Button, useLogout, useNotify, useTranslate } from 'react-admin';
import { graphql } from '../data-provider';
import { ChangeMyPasswordDocument } from '../generated/operations';
import { onPasswordChange, passwordChangeDue, passwordChanged } from '../auth-provider';

/** Why the password must change, while it must (kept with the session, told by the server). */
export function usePasswordChangeDue(): string | null {
  return useSyncExternalStore(onPasswordChange, passwordChangeDue);
}

type Errors = Partial<Record<'currentPassword' | 'newPassword' | 'confirm' | 'root', string>>;

/**
 * The only screen of a session whose password must change (set by an administrator, or expired):
 * the server serves nothing else until it has. The change answers with a new session.
 */
export function ForcedPasswordChange({ reason }: { reason: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const logout = useLogout();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    document.title = translate('app.password_change.title');
  }, [translate]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (newPassword !== confirm) {
      setErrors({ confirm: translate('app.password_change.mismatch') });
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      const data = await graphql(ChangeMyPasswordDocument, { currentPassword, newPassword });
      await passwordChanged(data.changeMyPassword.token, data.changeMyPassword.secondFactorEnrolment);
      notify('app.password_change.done', { type: 'success' });
    } catch (e) {
      const body = (e as { body?: { errors?: Errors } }).body;
      setErrors(body?.errors ?? { root: (e as Error).message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', mt: 8 }}>
      <Card sx={{ width: 440 }} component="form" onSubmit={submit} data-testid="forced-password-change">
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Typography variant="h6">{translate('app.password_change.title')}</Typography>
          <Alert severity="warning">{translate(reason === 'EXPIRED' ? 'app.password_change.expired' : 'app.password_change.set_by_administrator')}</Alert>
          <TextField
            type="password"
            name="currentPassword"
            label={translate('app.password_change.current')}
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
            error={!!errors.currentPassword}
            helperText={errors.currentPassword}
            autoComplete="current-password"
            required
          />
          <TextField
            type="password"
            name="newPassword"
            label={translate('app.users.new_password')}
            value={newPassword}
            onChange={(e) => setNew(e.target.value)}
            error={!!errors.newPassword}
            helperText={errors.newPassword ?? translate('app.users.password_rule')}
            autoComplete="new-password"
            required
          />
          <TextField
            type="password"
            name="confirm"
            label={translate('app.password_change.confirm')}
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            error={!!errors.confirm}
            helperText={errors.confirm}
            autoComplete="new-password"
            required
          />
          {errors.root && !errors.currentPassword && !errors.newPassword && <Alert severity="error">{errors.root}</Alert>}
          <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
            <Button label="ra.auth.logout" onClick={() => logout()} />
            <Button label="app.password_change.submit" type="submit" variant="contained" disabled={saving}>
              <KeyIcon />
            </Button>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
