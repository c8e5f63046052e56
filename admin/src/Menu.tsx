import { ListSubheader } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import { DashboardMenuItem, Menu as RaMenu, useTranslate } from 'react-admin';
import { MENU_GROUPS, resources } from './metadata';
import { useLang } from './screens/use-lang';
import { useMyPermissions } from './permissions';

/** A group heading that scrolls with its items (a sticky one covered the first item under it). */
const Heading = ({ label }: { label: string }) => (
  <ListSubheader disableSticky sx={{ lineHeight: '32px', bgcolor: 'transparent' }}>
    {label}
  </ListSubheader>
);

/**
 * The menu in the order users work: catalogs, directory, staff, training, supervision, then the
 * rest. A resource the user may read only their own record of (accounts, for anyone but
 * administrators) is not listed; their own account is in the user menu.
 */
export function Menu() {
  const translate = useTranslate();
  const lang = useLang();
  const permissions = useMyPermissions();
  const listed = (name: string) => permissions?.resources.find((r) => r.resource === name)?.readAll !== false;
  const others = resources.filter((r) => !MENU_GROUPS.some((g) => g.resources.includes(r.name)));
  const groups = [
    ...MENU_GROUPS.map((g) => ({ key: g.key, label: g.label[lang], names: g.resources.filter((n) => resources.some((r) => r.name === n)) })),
    ...(others.length ? [{ key: 'other', label: translate('app.menu.other'), names: others.map((r) => r.name) }] : []),
  ]
    .map((g) => ({ ...g, names: g.names.filter(listed) }))
    .filter((g) => g.names.length);
  return (
    <RaMenu>
      <DashboardMenuItem primaryText="app.menu.dashboard" />
      {groups.map((g) => [<Heading key={g.key} label={g.label} />, ...g.names.map((name) => <RaMenu.ResourceItem key={name} name={name} />)])}
      {permissions?.operations.includes('issueApiToken') && [
        <Heading key="admin" label={translate('app.tokens.menu')} />,
        <RaMenu.Item key="tokens" to="/api-tokens" primaryText="app.tokens.title" leftIcon={<KeyIcon />} />,
      ]}
    </RaMenu>
  );
}
