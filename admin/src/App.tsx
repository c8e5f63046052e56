import { Admin, CustomRoutes, Layout, Resource, type DataProvider, type LayoutProps } from 'react-admin';
import { Route } from 'react-router-dom';
import { ApiTokens } from './screens/ApiTokens';
import { resources } from './metadata';
import { i18nProvider } from './i18n/i18n-provider';
import { authProvider } from './auth-provider';
import { Menu } from './Menu';
import { ResourceCreate, ResourceEdit, ResourceList, ResourceShow } from './generic/views';
import { screens } from './screens';
import { Dashboard } from './screens/Dashboard';

const AppLayout = (props: LayoutProps) => <Layout {...props} menu={Menu} />;

/**
 * Every resource of the schema gets the four generated screens; `screens` replaces the few that
 * need more than a form (a transfer's completion, a catalog's publication, the findings board).
 */
export function App({ dataProvider }: { dataProvider: DataProvider }) {
  return (
    <Admin dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} layout={AppLayout} dashboard={Dashboard} title="app.title" disableTelemetry>
      {resources.map((r) => {
        const custom = screens[r.name] ?? {};
        const List = custom.list ?? (() => <ResourceList resource={r} />);
        const Show = custom.show ?? (() => <ResourceShow resource={r} />);
        return (
          <Resource
            key={r.name}
            name={r.name}
            list={List}
            show={Show}
            edit={() => <ResourceEdit resource={r} />}
            create={() => <ResourceCreate resource={r} />}
            recordRepresentation={r.titleField}
          />
        );
      })}
      <CustomRoutes>
        <Route path="/api-tokens" element={<ApiTokens />} />
      </CustomRoutes>
    </Admin>
  );
}
