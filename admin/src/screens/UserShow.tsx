import KeyIcon from '@mui/icons-material/Key';
import { useGetIdentity, useRecordContext } from 'react-admin';
import { ResourceShow } from '../generic/views';
import { ShowActions } from '../generic/actions';
import { SetUserPasswordDocument } from '../generated/operations';
import { resourceMeta } from '../metadata';
import { useRecordPermission } from '../permissions';
import { PromptedAction } from './domain-action';

const user = resourceMeta('User');

/** Setting a password: administrators for the accounts they manage, every user for their own (as setUserPassword allows). */
function SetPassword() {
  const record = useRecordContext();
  const { identity } = useGetIdentity();
  const { operations } = useRecordPermission('User');
  const own = record && identity && String(record.id) === String(identity.id);
  if (!own && !operations.includes('setUserPassword')) return null;
  return (
    <PromptedAction
      mutation={SetUserPasswordDocument}
      variables={(r, password) => ({ id: String(r.id), password })}
      label="app.users.set_password"
      done="app.users.password_set"
      arg="password"
      fieldLabel="app.users.new_password"
      helperText="app.users.password_rule"
      icon={<KeyIcon />}
      password
    />
  );
}

/** An account's page, with setting its password. */
export function UserShow() {
  return (
    <ResourceShow
      resource={user}
      actions={
        <ShowActions>
          <SetPassword />
        </ShowActions>
      }
    />
  );
}
