import { useState, type ReactElement } from 'react';
import { Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { Button, Confirm, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { graphql } from '../data-provider';

/**
 * Runs one of the API's domain mutations on the current record (completeTransfer, publish …),
 * with the version the user is looking at unless the mutation takes none, then reloads the record;
 * refusals are shown as they come.
 */
export function useDomainAction(
  mutation: string,
  successMessage: string,
  extraArgs: Record<string, [string, unknown]> = {},
  { sendVersion = true }: { sendVersion?: boolean } = {},
) {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!record) return;
    setBusy(true);
    const args: Record<string, [string, unknown]> = { id: ['ID!', record.id], ...(sendVersion ? { version: ['Int', record.version] } : {}), ...extraArgs };
    const names = Object.keys(args);
    try {
      await graphql(
        `mutation(${names.map((n) => `$${n}: ${args[n][0]}`).join(', ')}) { ${mutation}(${names.map((n) => `${n}: $${n}`).join(', ')}) { id } }`,
        Object.fromEntries(names.map((n) => [n, args[n][1]])),
      );
      notify(successMessage, { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return { run, busy, record };
}

/** A button that asks before running a domain mutation (complete, cancel, publish). */
export function ConfirmedAction(props: {
  mutation: string;
  label: string;
  confirm: string;
  done: string;
  icon: ReactElement;
  color?: 'primary' | 'error';
}) {
  const [open, setOpen] = useState(false);
  const { run, busy } = useDomainAction(props.mutation, props.done);
  return (
    <>
      <Button label={props.label} onClick={() => setOpen(true)} disabled={busy} color={props.color ?? 'primary'} variant="contained" startIcon={props.icon} />
      <Confirm
        isOpen={open}
        title={props.label}
        content={props.confirm}
        onConfirm={() => {
          setOpen(false);
          run();
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

/** A button that asks for one text (a reason, a password) and passes it to a domain mutation. */
export function PromptedAction(props: {
  mutation: string;
  label: string;
  done: string;
  arg: string;
  fieldLabel: string;
  helperText?: string;
  icon: ReactElement;
  password?: boolean;
  sendVersion?: boolean;
}) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const { run, busy } = useDomainAction(props.mutation, props.done, { [props.arg]: ['String!', text] }, { sendVersion: props.sendVersion });
  return (
    <>
      <Button label={props.label} startIcon={props.icon} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(props.label)}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            multiline={!props.password}
            type={props.password ? 'password' : 'text'}
            name={props.arg}
            label={translate(props.fieldLabel)}
            helperText={props.helperText ? translate(props.helperText) : undefined}
            value={text}
            onChange={(e) => setText(e.target.value)}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button
            label="ra.action.confirm"
            variant="contained"
            disabled={busy || !text}
            onClick={async () => {
              setOpen(false);
              await run();
              setText('');
            }}
          />
        </DialogActions>
      </Dialog>
    </>
  );
}
