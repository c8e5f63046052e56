import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh } from 'react-admin';
import { graphql } from '../data-provider';

/**
 * Runs one of the API's domain mutations on the current record (completeTransfer, publish …) with
 * the version the user is looking at, then reloads the record; refusals are shown as they come.
 */
export function useDomainAction(mutation: string, successMessage: string, extraArgs: Record<string, [string, unknown]> = {}) {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!record) return;
    setBusy(true);
    const names = Object.keys(extraArgs);
    const declared = names.map((n) => `, $${n}: ${extraArgs[n][0]}`).join('');
    const passed = names.map((n) => `, ${n}: $${n}`).join('');
    const values = Object.fromEntries(names.map((n) => [n, extraArgs[n][1]]));
    try {
      await graphql(`mutation($id: ID!, $version: Int${declared}) { ${mutation}(id: $id, version: $version${passed}) { id } }`, {
        id: record.id,
        version: record.version,
        ...values,
      });
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
