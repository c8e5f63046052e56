import { useState, type FormEvent } from 'react';
import { Alert, Box, CardContent, TextField, Typography } from '@mui/material';
import { Button, Login, useLogin, useTranslate } from 'react-admin';

interface Refusal {
  message?: string;
  body?: { reason?: string; challenge?: string };
}

/**
 * Signing in: the username and password, then, for an account with a second factor, the code its
 * authenticator app shows (or a recovery code) within five minutes. The password step opens no
 * session when a code is due; the server answers with a challenge the code step sends back.
 */
function LoginForm() {
  const translate = useTranslate();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(challenge ? { challenge, code } : { username, password });
    } catch (e) {
      const refusal = e as Refusal;
      if (refusal.body?.reason === 'SECOND_FACTOR_REQUIRED' && refusal.body.challenge) {
        setChallenge(refusal.body.challenge);
        setCode('');
      } else {
        // A challenge that ran out starts the sign-in again.
        if (refusal.body?.reason === 'CHALLENGE_EXPIRED') setChallenge(null);
        setError(refusal.message ?? translate('ra.auth.sign_in_error'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" onSubmit={submit} data-testid={challenge ? 'login-code-step' : 'login-form'}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 300 }}>
        {challenge ? (
          <>
            <Typography variant="body2">{translate('app.second_factor.login_prompt')}</Typography>
            <TextField
              name="code"
              label={translate('app.second_factor.login_code')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              inputProps={{ inputMode: 'numeric', autoComplete: 'one-time-code' }}
              autoFocus
              required
            />
          </>
        ) : (
          <>
            <TextField name="username" label={translate('ra.auth.username')} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoFocus required />
            <TextField
              name="password"
              type="password"
              label={translate('ra.auth.password')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              required
            />
          </>
        )}
        {error && <Alert severity="error">{error}</Alert>}
        <Button label={challenge ? 'app.second_factor.verify' : 'ra.auth.sign_in'} type="submit" variant="contained" disabled={busy} />
        {challenge && <Button label="ra.action.back" onClick={() => setChallenge(null)} />}
      </CardContent>
    </Box>
  );
}

export const LoginPage = () => (
  <Login>
    <LoginForm />
  </Login>
);
