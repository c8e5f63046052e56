import KeyIcon from '@mui/icons-material/Key';
import { EditButton, TopToolbar } from 'react-admin';
import { ResourceShow } from '../generic/views';
import { resourceMeta } from '../metadata';
import { PromptedAction } from './domain-action';

const user = resourceMeta('User');

/** An account's page, with setting its password (administrators for anyone, users for themselves). */
export function UserShow() {
  return (
    <ResourceShow
      resource={user}
      actions={
        <TopToolbar>
          <PromptedAction
            mutation="setUserPassword"
            label="app.users.set_password"
            done="app.users.password_set"
            arg="password"
            fieldLabel="app.users.new_password"
            helperText="app.users.password_rule"
            icon={<KeyIcon />}
            password
            sendVersion={false}
          />
          <EditButton />
        </TopToolbar>
      }
    />
  );
}
