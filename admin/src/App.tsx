import { lazy, ReactNode, Suspense } from 'react';
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

// Charts and the tree view are the heaviest parts: loaded when first shown, not with every list and form.
const LazyDashboard = lazy(() => import('./dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const LazyStructurePage = lazy(() => import('./structure/StructurePage').then((m) => ({ default: m.StructurePage })));
const Dashboard = () => (
  <Suspense fallback={<Loading />}>
    <LazyDashboard />
  </Suspense>
);
const LazyCoveragePage = lazy(() => import('./staffing/CoveragePage').then((m) => ({ default: m.CoveragePage })));
const CoveragePage = () => (
  <Suspense fallback={<Loading />}>
    <LazyCoveragePage />
  </Suspense>
);
const StructurePage = () => (
  <Suspense fallback={<Loading />}>
    <LazyStructurePage />
  </Suspense>
);
const LazyServicePage = lazy(() => import('./service/ServicePage').then((m) => ({ default: m.ServicePage })));
const ServicePage = () => (
  <Suspense fallback={<Loading />}>
    <LazyServicePage />
  </Suspense>
);
const LazyAffairPage = lazy(() => import('./service/AffairPage').then((m) => ({ default: m.AffairPage })));
const AffairPage = () => (
  <Suspense fallback={<Loading />}>
    <LazyAffairPage />
  </Suspense>
);

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
      <Route
        path="/structure"
        element={
          <Allowed resource="structure" action="list">
            <StructurePage />
          </Allowed>
        }
      />
      <Route
        path="/coverage"
        element={
          <Allowed resource="staffing" action="coverage">
            <CoveragePage />
          </Allowed>
        }
      />
      <Route
        path="/service"
        element={
          <Allowed resource="affairs" action="list">
            <ServicePage />
          </Allowed>
        }
      />
      <Route
        path="/affairs/:id"
        element={
          <Allowed resource="affairs" action="show">
            <AffairPage />
          </Allowed>
        }
      />
      <Route
        path="/my-tokens"
        element={
          <Allowed resource="apiTokens" action="list">
            <TokensPage />
          </Allowed>
        }
      />
    </CustomRoutes>
  </Admin>
);
