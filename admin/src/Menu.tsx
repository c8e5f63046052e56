import { ListItemIcon, ListSubheader, MenuItem } from '@mui/material';
import TerminalIcon from '@mui/icons-material/Terminal';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import AssessmentIcon from '@mui/icons-material/Assessment';
import AlarmIcon from '@mui/icons-material/Alarm';
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
  return (
    <RaMenu>
      <DashboardMenuItem primaryText="app.menu.dashboard" />
      {groups.map((g) => [
        <Heading key={g.key} label={g.label} />,
        ...g.names.map((name) => <RaMenu.ResourceItem key={name} name={name} />),
        // The year's ranking sits with the case reports it is worked out from.
        ...(g.names.includes('CaseReport') ? [<RaMenu.Item key="case-ranking" to="/case-ranking" primaryText="app.ranking.menu" leftIcon={<LeaderboardIcon />} />] : []),
        // The deadline board and the two-way assessment sit with the dispatch records they are worked out from.
        ...(g.names.includes('DispatchAssignment')
          ? [
              <RaMenu.Item key="deadline-board" to="/deadline-board" primaryText="app.board.menu" leftIcon={<AlarmIcon />} />,
              <RaMenu.Item key="dispatch-assessment" to="/dispatch-assessment" primaryText="app.dispatch.assessment.menu" leftIcon={<AssessmentIcon />} />,
            ]
          : []),
        // The team standard sheet sits with the staffing quotas, the first of the things it counts.
        ...(g.names.includes('StaffingQuota') ? [<RaMenu.Item key="team-standards" to="/team-standards" primaryText="app.standards.menu" leftIcon={<FactCheckIcon />} />] : []),
      ])}
      <RaMenu.Item to="/import-jobs" primaryText="app.spreadsheets.jobs" leftIcon={<UploadFileIcon />} />
      {/* A page of its own beside the admin (served at /graphiql), not a route inside it. */}
      <MenuItem component="a" href="/graphiql">
        <ListItemIcon>
          <TerminalIcon fontSize="small" />
        </ListItemIcon>
        {translate('app.explorer.menu')}
      </MenuItem>
    </RaMenu>
  );
}
