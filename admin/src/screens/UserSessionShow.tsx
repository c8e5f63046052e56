import LogoutIcon from '@mui/icons-material/Logout';
import { useGetIdentity, useRecordContext } from 'react-admin';
import { useRecordPermission } from '../permissions';
import { ResourceShow } from '../generic/views';
import { ShowActions } from '../generic/actions';
import { EndUserSessionDocument } from '../generated/operations';
import { resourceMeta } from '../metadata';
import { ConfirmedAction } from './domain-action';

const session = resourceMeta('UserSession');

/** Ending a session that is still open: administrators any, everyone their own (the server decides; the auditor only reads). */
function EndSession() {
  const record = useRecordContext();
  const { identity } = useGetIdentity();
  const { operations } = useRecordPermission('UserSession');
  if (!record || record.endedAt) return null;
  if (String(record.userId) !== String(identity?.id) && !operations.includes('endUserSession')) return null;
  return (
    <ConfirmedAction
      mutation={EndUserSessionDocument}
      label="app.sessions.end"
      confirm="app.sessions.end_confirm"
      done="app.sessions.ended"
      icon={<LogoutIcon />}
      color="error"
    />
  );
}

/** A session's page (在线用户), with forcing it to sign out. */
export function UserSessionShow() {
  return (
    <ResourceShow
      resource={session}
      actions={
        <ShowActions>
          <EndSession />
        </ShowActions>
      }
    />
  );
}
