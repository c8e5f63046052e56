import { Admin, AppBar, CustomRoutes, Layout, Logout, MenuItemLink, Resource, TitlePortal, UserMenu, useGetIdentity, useUserMenu, type DataProvider, type LayoutProps } from 'react-admin';
import PersonIcon from '@mui/icons-material/Person';
import { Navigate, Route } from 'react-router-dom';
import { ForcedPasswordChange, usePasswordChangeDue } from './screens/ForcedPasswordChange';
import { SecondFactorEnrolment, useSecondFactorEnrolmentDue } from './screens/SecondFactorEnrolment';
import { LoginPage } from './LoginPage';
import PhonelinkLockIcon from '@mui/icons-material/PhonelinkLock';
import { CatalogPrint, FindingNotice } from './screens/PrintViews';
import { ImportJobs } from './screens/ImportJobs';
import { CaseRanking } from './screens/CaseRanking';
import { UnreadNotices } from './screens/NoticeShow';
import { DeadlineBoard, DispatchAssessment } from './screens/DispatchBoards';
import { TeamStandards } from './screens/TeamStandards';
import { resources } from './metadata';
import { i18nProvider } from './i18n/i18n-provider';
import { authProvider } from './auth-provider';
import { Menu } from './Menu';
import { ResourceCreate, ResourceEdit, ResourceList, ResourceShow } from './generic/views';
import { screens } from './screens';
import { Dashboard } from './screens/Dashboard';
import { recordName } from './provider/record-name';

/** One's own account (its password, last sign-in); the menu closes on the way there. */
function MyAccountItem() {
  const { identity } = useGetIdentity();
  const userMenu = useUserMenu();
  if (!identity) return null;
  return <MenuItemLink to={`/User/${identity.id}/show`} primaryText="app.users.my_account" leftIcon={<PersonIcon />} onClick={() => userMenu?.onClose()} />;
}

/** Enrolling a second factor, which every account may do (administrators must). */
function SecondFactorItem() {
  const userMenu = useUserMenu();
  return <MenuItemLink to="/second-factor" primaryText="app.second_factor.menu" leftIcon={<PhonelinkLockIcon />} onClick={() => userMenu?.onClose()} />;
}

function AccountMenu() {
  return (
    <UserMenu>
      <MyAccountItem />
      <SecondFactorItem />
      <Logout />
    </UserMenu>
  );
}

// The title as usual, then the bell of unread notices beside the language and account menus.
const AppAppBar = () => (
  <AppBar userMenu={<AccountMenu />}>
    <TitlePortal />
    <UnreadNotices />
  </AppBar>
);
/** The usual layout, or only the password change (then the second factor's enrolment) while the server asks for one. */
function AppLayout(props: LayoutProps) {
  const due = usePasswordChangeDue();
  const enrolment = useSecondFactorEnrolmentDue();
  if (due) return <ForcedPasswordChange reason={due} />;
  if (enrolment) return <SecondFactorEnrolment forced />;
  return <Layout {...props} menu={Menu} appBar={AppAppBar} />;
}

/**
 * Every resource of the schema gets the four generated screens; `screens` replaces the few that
 * need more than a form (a transfer's completion, a catalog's publication, the findings board).
 */
export function App({ dataProvider }: { dataProvider: DataProvider }) {
  return (
    <Admin dataProvider={dataProvider} authProvider={authProvider} loginPage={LoginPage} i18nProvider={i18nProvider} layout={AppLayout} dashboard={Dashboard} title="app.title" disableTelemetry>
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
            edit={r.editable ? () => <ResourceEdit resource={r} /> : undefined}
            create={r.creatable ? () => <ResourceCreate resource={r} /> : undefined}
            // Titles and confirmations name the record (涅阳街道 · 对…的处罚), not its id.
            recordRepresentation={(record) => recordName(r, record, i18nProvider.translate)}
          />
        );
      })}
      <CustomRoutes>
        {/* The tokens' page before they were records. */}
        <Route path="/api-tokens" element={<Navigate to="/ApiToken" replace />} />
        <Route path="/second-factor" element={<SecondFactorEnrolment />} />
        <Route path="/import-jobs" element={<ImportJobs />} />
        <Route path="/case-ranking" element={<CaseRanking />} />
        <Route path="/dispatch-assessment" element={<DispatchAssessment />} />
        <Route path="/deadline-board" element={<DeadlineBoard />} />
        <Route path="/team-standards" element={<TeamStandards />} />
      </CustomRoutes>
      {/* Print views: no menu, no app bar, laid out for paper. */}
      <CustomRoutes noLayout>
        <Route path="/print/catalog/:id" element={<CatalogPrint />} />
        <Route path="/print/finding/:id" element={<FindingNotice />} />
      </CustomRoutes>
    </Admin>
  );
}
