import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { Alert, Box, Card, CardContent, TextField, Typography } from '@mui/material';
import PhonelinkLockIcon from '@mui/icons-material/PhonelinkLock';
import { Button, useLogout, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { graphql } from '../data-provider';
import { ConfirmSecondFactorEnrolmentDocument, StartSecondFactorEnrolmentDocument, type StartSecondFactorEnrolmentMutation } from '../generated/operations';
import { onPasswordChange, secondFactorEnrolled, secondFactorEnrolmentDue } from '../auth-provider';

/** Must this session enrol a second factor first (kept with the session, told by the server)? */
export function useSecondFactorEnrolmentDue(): boolean {
  return useSyncExternalStore(onPasswordChange, secondFactorEnrolmentDue);
}

type Offer = StartSecondFactorEnrolmentMutation['startSecondFactorEnrolment'];

/**
 * Enrolling an authenticator app (TOTP): the QR code to scan, the secret to type where it cannot be
 * scanned, a code to confirm, then the recovery codes, shown this once. `forced`: the only screen of
 * an administrator's session until it is done (the server serves nothing else).
 */
export function SecondFactorEnrolment({ forced = false }: { forced?: boolean }) {
  const translate = useTranslate();
  const notify = useNotify();
  const logout = useLogout();
  const navigate = useNavigate();
  const [offer, setOffer] = useState<Offer | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    document.title = translate('app.second_factor.title');
  }, [translate]);
  const start = async () => {
    setError(null);
    try {
      setOffer((await graphql(StartSecondFactorEnrolmentDocument)).startSecondFactorEnrolment);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      setRecoveryCodes((await graphql(ConfirmSecondFactorEnrolmentDocument, { code })).confirmSecondFactorEnrolment.codes);
    } catch (e) {
      const body = (e as { body?: { errors?: { code?: string } } }).body;
      setError(body?.errors?.code ?? (e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const done = async () => {
    await secondFactorEnrolled();
    notify('app.second_factor.done', { type: 'success' });
    if (!forced) navigate('/');
  };

  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', mt: forced ? 8 : 2 }}>
      <Card sx={{ width: 480 }} data-testid="second-factor-enrolment">
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Typography variant="h6">{translate('app.second_factor.title')}</Typography>
          {forced && <Alert severity="warning">{translate('app.second_factor.required')}</Alert>}
          {!offer && !recoveryCodes && (
            <>
              <Typography variant="body2">{translate('app.second_factor.intro')}</Typography>
              <Button label="app.second_factor.start" variant="contained" onClick={start}>
                <PhonelinkLockIcon />
              </Button>
            </>
          )}
          {offer && !recoveryCodes && (
            <Box component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
              <Typography variant="body2">{translate('app.second_factor.scan')}</Typography>
              <Box sx={{ display: 'flex', justifyContent: 'center' }}>
                <img src={offer.qrCode} alt={translate('app.second_factor.qr_alt')} width={200} height={200} data-testid="second-factor-qr" />
              </Box>
              <Typography variant="body2">
                {translate('app.second_factor.secret')}: <code data-testid="second-factor-secret">{offer.secret}</code>
              </Typography>
              <TextField
                name="code"
                label={translate('app.second_factor.code')}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={!!error}
                helperText={error}
                inputProps={{ inputMode: 'numeric', autoComplete: 'one-time-code' }}
                required
              />
              <Button label="app.second_factor.confirm" type="submit" variant="contained" disabled={saving} />
            </Box>
          )}
          {recoveryCodes && (
            <>
              <Alert severity="success">{translate('app.second_factor.enabled')}</Alert>
              <Typography variant="body2">{translate('app.second_factor.recovery_intro')}</Typography>
              <Box component="pre" data-testid="recovery-codes" sx={{ m: 0, p: 1, bgcolor: 'action.hover', columns: 2 }}>
                {recoveryCodes.join('\n')}
              </Box>
              <Button label="app.second_factor.continue" variant="contained" onClick={done} />
            </>
          )}
          {error && !offer && <Alert severity="error">{error}</Alert>}
          {forced && (
            <Box>
              <Button label="ra.auth.logout" onClick={() => logout()} />
            </Box>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
