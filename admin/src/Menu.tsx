import { ListItemIcon, ListSubheader, MenuItem } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import TerminalIcon from '@mui/icons-material/Terminal';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { DashboardMenuItem, Menu as RaMenu, useTranslate } from 'react-admin';
import { groups as menuGroups, resources } from './metadata';
import { useLang } from './screens/use-lang';
import { useMyPermissions } from './permissions';

/** A group heading that scrolls with its items (a sticky one covered the first item under it). */
const Heading = ({ label }: { label: string }) => (
  <ListSubheader disableSticky sx={{ lineHeight: '32px', bgcolor: 'transparent' }}>
    {label}
  </ListSubheader>
);

/**
 * The menu in the order users work: catalogs, directory, staff, training, equipment and grids, supervision, accounts,
 * each record in the group its definition names. A resource the user may read only their own record of (accounts, for anyone but
 * administrators) is not listed; their own account is in the user menu.
 */
export function Menu() {
  const translate = useTranslate();
  const lang = useLang();
  const permissions = useMyPermissions();
  const listed = (name: string) => permissions?.resources.find((r) => r.resource === name)?.readAll !== false;
  // Groups and their records as the API declares them (each record's `ui.group`).
  const groups = menuGroups
    .map((g) => ({ key: g.key, label: g.label[lang], names: resources.filter((r) => r.group.key === g.key).map((r) => r.name) }))
    .map((g) => ({ ...g, names: g.names.filter(listed) }))
    .filter((g) => g.names.length);
  const tokens = permissions?.operations.includes('issueApiToken');
  return (
    <RaMenu>
      <DashboardMenuItem primaryText="app.menu.dashboard" />
      {groups.map((g) => [
        <Heading key={g.key} label={g.label} />,
        ...g.names.map((name) => <RaMenu.ResourceItem key={name} name={name} />),
        // The year's ranking sits with the case reports it is worked out from.
        ...(g.names.includes('CaseReport') ? [<RaMenu.Item key="case-ranking" to="/case-ranking" primaryText="app.ranking.menu" leftIcon={<LeaderboardIcon />} />] : []),
        // The team standard sheet sits with the staffing quotas, the first of the things it counts.
        ...(g.names.includes('StaffingQuota') ? [<RaMenu.Item key="team-standards" to="/team-standards" primaryText="app.standards.menu" leftIcon={<FactCheckIcon />} />] : []),
        // The system group (login log, sessions) also holds the API tokens.
        g.key === 'system' && tokens && <RaMenu.Item key="tokens" to="/api-tokens" primaryText="app.tokens.title" leftIcon={<KeyIcon />} />,
      ])}
      <RaMenu.Item to="/import-jobs" primaryText="app.spreadsheets.jobs" leftIcon={<UploadFileIcon />} />
      {/* A page of its own beside the admin (served at /graphiql), not a route inside it. */}
      <MenuItem component="a" href="/graphiql">
        <ListItemIcon>
          <TerminalIcon fontSize="small" />
        </ListItemIcon>
        {translate('app.explorer.menu')}
      </MenuItem>
      {tokens && !groups.some((g) => g.key === 'system') && [
        <Heading key="admin" label={translate('app.tokens.menu')} />,
        <RaMenu.Item key="tokens" to="/api-tokens" primaryText="app.tokens.title" leftIcon={<KeyIcon />} />,
      ]}
    </RaMenu>
  );
}
