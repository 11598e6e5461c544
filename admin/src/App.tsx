import { ComponentType, lazy, ReactNode, Suspense } from 'react';
import { Route } from 'react-router-dom';
import { AccessDenied, Admin, CanAccess, CustomRoutes, Loading, Resource, ResourceProps } from 'react-admin';
import accounts from './accounts';
import auditEvents from './auditEvents';
import { authProvider } from './authProvider';
import communities from './communities';
import { createDataProvider } from './dataProvider';
import districts from './districts';
import grids from './grids';
import households from './households';
import { i18nProvider } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './layout/LoginPage';
import offices from './offices';
import reorganizationPlans from './reorganization';
import residents from './residents';
import serviceWindows from './serviceWindows';
import absences from './absences';
import specialistRoles from './specialistRoles';
import staffingTemplates from './staffingTemplates';
import staffMembers from './staffMembers';
import { TokensPage } from './tokens/TokensPage';

// Charts, the tree view and the service desk are the heaviest parts: loaded when first shown, not with every list and form.
function lazyPage(load: () => Promise<ComponentType>) {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  const Page = () => (
    <Suspense fallback={<Loading />}>
      <Lazy />
    </Suspense>
  );
  return Page;
}
const Dashboard = lazyPage(() => import('./dashboard/Dashboard').then((m) => m.Dashboard));

/** Pages of their own: path, the permission table's resource and action that open them, and the page. */
const PAGES: Array<[string, string, string, ComponentType]> = [
  ['/structure', 'structure', 'list', lazyPage(() => import('./structure/StructurePage').then((m) => m.StructurePage))],
  ['/coverage', 'staffing', 'coverage', lazyPage(() => import('./staffing/CoveragePage').then((m) => m.CoveragePage))],
  ['/service', 'affairs', 'list', lazyPage(() => import('./service/ServicePage').then((m) => m.ServicePage))],
  ['/affairs/:id', 'affairs', 'show', lazyPage(() => import('./service/AffairPage').then((m) => m.AffairPage))],
  ['/my-tokens', 'apiTokens', 'list', TokensPage],
];

const dataProvider = createDataProvider();

const RESOURCES: Array<[string, Partial<ResourceProps>]> = [
  ['communities', communities],
  ['grids', grids],
  ['households', households],
  ['residents', residents],
  ['staffMembers', staffMembers],
  ['absences', absences],
  ['specialistRoles', specialistRoles],
  ['staffingTemplates', staffingTemplates],
  ['serviceWindows', serviceWindows],
  ['offices', offices],
  ['districts', districts],
  ['accounts', accounts],
  ['auditEvents', auditEvents],
  ['reorganizationPlans', reorganizationPlans],
];

/** A page of its own, shown to the roles the permission table lets do the action. */
const Allowed = ({ resource, action, children }: { resource: string; action: string; children: ReactNode }) => (
  <CanAccess resource={resource} action={action} accessDenied={<AccessDenied />}>
    {children}
  </CanAccess>
);

/**
 * Each role sees the screens and buttons its permissions allow, and no others:
 * react-admin asks `authProvider.canAccess`, which answers from the permission
 * table the server enforces (menus, list, show, create and edit pages, their
 * buttons and bulk actions).
 */
export const App = () => (
  <Admin
    title="cg.app"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={AppLayout}
    loginPage={LoginPage}
    disableTelemetry
    requireAuth
  >
    {RESOURCES.map(([name, props]) => (
      <Resource key={name} name={name} {...props} />
    ))}
    <CustomRoutes>
      {PAGES.map(([path, resource, action, Page]) => (
        <Route
          key={path}
          path={path}
          element={
            <Allowed resource={resource} action={action}>
              <Page />
            </Allowed>
          }
        />
      ))}
    </CustomRoutes>
  </Admin>
);
