import KeyIcon from '@mui/icons-material/Key';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useGetIdentity, useRecordContext } from 'react-admin';
import { ResourceShow } from '../generic/views';
import { ShowActions } from '../generic/actions';
import { DisableSecondFactorDocument, SetUserPasswordDocument, UnlockUserDocument } from '../generated/operations';
import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import { resourceMeta } from '../metadata';
import { useRecordPermission } from '../permissions';
import { ConfirmedAction, PromptedAction } from './domain-action';

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

/** Lifting a lock failed sign-ins put on the account, for administrators (unlockUser refuses an account that is not locked). */
function Unlock() {
  const { operations } = useRecordPermission('User');
  if (!operations.includes('unlockUser')) return null;
  return <ConfirmedAction mutation={UnlockUserDocument} label="app.users.unlock" confirm="app.users.unlock_confirm" done="app.users.unlocked" icon={<LockOpenIcon />} />;
}

/** Disabling an enrolled second factor (a lost phone), for the security administrator. */
function DisableSecondFactor() {
  const record = useRecordContext();
  const { operations } = useRecordPermission('User');
  if (!operations.includes('disableSecondFactor') || !record?.totpEnabledAt) return null;
  return (
    <ConfirmedAction
      mutation={DisableSecondFactorDocument}
      label="app.users.disable_second_factor"
      confirm="app.users.disable_second_factor_confirm"
      done="app.users.second_factor_disabled"
      icon={<PhonelinkEraseIcon />}
    />
  );
}

/** An account's page, with setting its password, lifting a lock and disabling a second factor. */
export function UserShow() {
  return (
    <ResourceShow
      resource={user}
      actions={
        <ShowActions>
          <SetPassword />
          <Unlock />
          <DisableSecondFactor />
        </ShowActions>
      }
    />
  );
}
