import { useState, type ReactElement, type ReactNode } from 'react';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { Button, Confirm, useNotify, useRecordContext, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql } from '../data-provider';

/** A domain mutation's document (generated from a `.graphql` file beside the screen), whatever it answers. */
export type DomainMutation<V> = TypedDocumentNode<unknown, V>;

/**
 * Runs one of the API's domain mutations on the current record (completeTransfer, publish …) with
 * the variables the record gives (its id, and the version the user is looking at when the mutation
 * takes one), then reloads the record; refusals are shown as they come.
 */
export function useDomainAction<V>(document: DomainMutation<V>, successMessage: string, variables: (record: RaRecord) => V) {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  /**
   * Runs the mutation. Resolves to null when done, or to the refusal when the server refused it;
   * `quiet` leaves showing the refusal to the caller (a dialog shows it under its field).
   */
  const run = async ({ quiet = false } = {}): Promise<{ message: string; fields: Record<string, string> } | null> => {
    if (!record) return null;
    setBusy(true);
    try {
      await graphql(document, variables(record));
      notify(successMessage, { type: 'success' });
      refresh();
      return null;
    } catch (e) {
      const error = e as Error & { body?: { errors?: Record<string, string> } };
      if (!quiet) notify(error.message, { type: 'error', multiLine: true });
      refresh();
      return { message: error.message, fields: error.body?.errors ?? {} };
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, record };
}

/** The record on screen at the version the user sees: what complete, cancel and publish send. */
const atVersion = (record: RaRecord) => ({ id: String(record.id), version: record.version as number | undefined });

/**
 * A button that asks before running a domain mutation (complete, cancel, publish). With `details`,
 * the question comes with what the user must see first (what a publication takes away), and the
 * confirm button waits until `details` reports the user is ready (e.g. has ticked every loss).
 */
export function ConfirmedAction(props: {
  mutation: DomainMutation<{ id: string; version?: number | null }>;
  label: string;
  confirm: string;
  done: string;
  icon: ReactElement;
  color?: 'primary' | 'error';
  details?: (setReady: (ready: boolean) => void) => ReactNode;
}) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [ready, setReady] = useState(false);
  const { run, busy } = useDomainAction(props.mutation, props.done, atVersion);
  const confirm = () => {
    setOpen(false);
    void run();
  };
  return (
    <>
      <Button
        label={props.label}
        onClick={() => {
          setReady(!props.details);
          setOpen(true);
        }}
        disabled={busy}
        color={props.color ?? 'primary'}
        variant="contained"
        startIcon={props.icon}
      />
      {props.details ? (
        <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
          <DialogTitle>{translate(props.label)}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate(props.confirm)}</DialogContentText>
            {open && props.details(setReady)}
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <Button label="ra.action.confirm" variant="contained" color={props.color ?? 'primary'} disabled={busy || !ready} onClick={confirm} />
          </DialogActions>
        </Dialog>
      ) : (
        <Confirm isOpen={open} title={props.label} content={props.confirm} onConfirm={confirm} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

/** A button that asks for one text (a reason, a password) and passes it to a domain mutation. */
export function PromptedAction<V>(props: {
  mutation: DomainMutation<V>;
  /** The mutation's variables from the record on screen and the text typed. */
  variables: (record: RaRecord, text: string) => V;
  label: string;
  done: string;
  /** The variable that receives the text: the dialog shows the server's refusal of it under the field. */
  arg: keyof V & string;
  fieldLabel: string;
  helperText?: string;
  icon: ReactElement;
  password?: boolean;
  /** Inputs shown above the text (the escalation's level and date). */
  extra?: ReactNode;
  /** False while the inputs of `extra` are incomplete. */
  ready?: boolean;
}) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { run, busy } = useDomainAction(props.mutation, props.done, (record) => props.variables(record, text));
  const close = () => {
    setOpen(false);
    setError(null);
  };
  // A refusal keeps the dialog open with what was typed, the reason shown under the field.
  const confirm = async () => {
    const refusal = await run({ quiet: true });
    if (!refusal) {
      close();
      setText('');
    } else setError(refusal.fields[props.arg] ?? refusal.message);
  };
  return (
    <>
      <Button label={props.label} startIcon={props.icon} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate(props.label)}</DialogTitle>
        <DialogContent>
          {props.extra}
          <TextField
            autoFocus
            fullWidth
            multiline={!props.password}
            type={props.password ? 'password' : 'text'}
            name={props.arg}
            label={translate(props.fieldLabel)}
            error={Boolean(error)}
            helperText={error ?? (props.helperText ? translate(props.helperText) : undefined)}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} />
          <Button
            label="ra.action.confirm"
            variant="contained"
            disabled={busy || !text || props.ready === false}
            onClick={confirm}
          />
        </DialogActions>
      </Dialog>
    </>
  );
}
