import { ListSubheader } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import { DashboardMenuItem, Menu as RaMenu, usePermissions, useTranslate } from 'react-admin';
import { MENU_GROUPS, resources } from './metadata';
import { useLang } from './screens/use-lang';

/** The menu in the order users work: catalogs, directory, staff, training, supervision, then the rest. */
export function Menu() {
  const translate = useTranslate();
  const lang = useLang();
  const { permissions } = usePermissions();
  const others = resources.filter((r) => !MENU_GROUPS.some((g) => g.resources.includes(r.name)));
  const groups = [
    ...MENU_GROUPS.map((g) => ({ key: g.key, label: g.label[lang], names: g.resources.filter((n) => resources.some((r) => r.name === n)) })),
    ...(others.length ? [{ key: 'other', label: translate('app.menu.other'), names: others.map((r) => r.name) }] : []),
  ];
  return (
    <RaMenu>
      <DashboardMenuItem primaryText="app.menu.dashboard" />
      {groups.map((g) => [
        <ListSubheader key={g.key} sx={{ lineHeight: '32px', bgcolor: 'transparent' }}>
          {g.label}
        </ListSubheader>,
        ...g.names.map((name) => <RaMenu.ResourceItem key={name} name={name} />),
      ])}
      {permissions === 'ADMIN' && [
        <ListSubheader key="admin" sx={{ lineHeight: '32px', bgcolor: 'transparent' }}>
          {translate('app.tokens.menu')}
        </ListSubheader>,
        <RaMenu.Item key="tokens" to="/api-tokens" primaryText="app.tokens.title" leftIcon={<KeyIcon />} />,
      ]}
    </RaMenu>
  );
}
