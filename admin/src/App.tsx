import { Permission } from '@community-grid/shared';
import { lazy, Suspense } from 'react';
import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Loading, Resource, ResourceProps } from 'react-admin';
import { WRITE_PERMISSION } from './access';
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
const Dashboard = () => <Suspense fallback={<Loading />}><LazyDashboard /></Suspense>;
const LazyCoveragePage = lazy(() => import('./staffing/CoveragePage').then((m) => ({ default: m.CoveragePage })));
const CoveragePage = () => <Suspense fallback={<Loading />}><LazyCoveragePage /></Suspense>;
const StructurePage = () => <Suspense fallback={<Loading />}><LazyStructurePage /></Suspense>;
const LazyServicePage = lazy(() => import('./service/ServicePage').then((m) => ({ default: m.ServicePage })));
const ServicePage = () => <Suspense fallback={<Loading />}><LazyServicePage /></Suspense>;
const LazyAffairPage = lazy(() => import('./service/AffairPage').then((m) => ({ default: m.AffairPage })));
const AffairPage = () => <Suspense fallback={<Loading />}><LazyAffairPage /></Suspense>;

const dataProvider = createDataProvider();

const RESOURCES: Array<[string, Partial<ResourceProps>]> = [
  ['communities', communities], ['grids', grids], ['households', households], ['residents', residents],
  ['staffMembers', staffMembers], ['absences', absences], ['specialistRoles', specialistRoles], ['staffingTemplates', staffingTemplates],
  ['serviceWindows', serviceWindows], ['offices', offices], ['districts', districts],
];

/** Each role sees the screens and buttons its permissions allow, and no others. */
export const App = () => (
  <Admin
    title="cg.app"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={AppLayout}
    disableTelemetry
    requireAuth
  >
    {(permissions: string[] = []) => {
      const can = (permission: string) => permissions.includes(permission);
      const writable = (name: string, props: Partial<ResourceProps>) =>
        (can(WRITE_PERMISSION[name]) ? props : { ...props, create: undefined, edit: undefined });
      return (
        <>
          {RESOURCES.map(([name, props]) => <Resource key={name} name={name} {...writable(name, props)} />)}
          {can(Permission.MANAGE_ACCOUNTS) && <Resource name="accounts" {...accounts} />}
          {can(Permission.READ_AUDIT) && <Resource name="auditEvents" {...auditEvents} />}
          {can(Permission.PLAN_REORGANIZATION) && <Resource name="reorganizationPlans" {...reorganizationPlans} />}
          <CustomRoutes>
            <Route path="/structure" element={<StructurePage />} />
            <Route path="/coverage" element={<CoveragePage />} />
            {can(Permission.READ_AFFAIRS) && <Route path="/service" element={<ServicePage />} />}
            {can(Permission.READ_AFFAIRS) && <Route path="/affairs/:id" element={<AffairPage />} />}
            <Route path="/my-tokens" element={<TokensPage />} />
          </CustomRoutes>
        </>
      );
    }}
  </Admin>
);
