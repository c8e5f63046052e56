import { useState } from 'react';
import { Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import { Button, EditButton, TopToolbar, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { ResourceShow } from '../generic/views';
import { resourceMeta } from '../metadata';
import { graphql } from '../data-provider';

/** Sets an account's password (administrators for anyone, users for themselves); it is never shown again. */
function SetPassword() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const save = async () => {
    try {
      await graphql('mutation($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) { id } }', { id: record!.id, p: password });
      notify('app.users.password_set', { type: 'success' });
      setOpen(false);
      setPassword('');
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button label="app.users.set_password" startIcon={<KeyIcon />} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('app.users.set_password')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            type="password"
            name="new-password"
            label={translate('app.users.new_password')}
            helperText={translate('app.users.password_rule')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="ra.action.save" variant="contained" onClick={save} disabled={!password} />
        </DialogActions>
      </Dialog>
    </>
  );
}

const user = resourceMeta('User');

export function UserShow() {
  return (
    <ResourceShow
      resource={user}
      actions={
        <TopToolbar>
          <SetPassword />
          <EditButton />
        </TopToolbar>
      }
    />
  );
}
