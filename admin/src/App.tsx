import { lazy, Suspense } from 'react';
import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Loading, Resource } from 'react-admin';
import communities from './communities';
import { createDataProvider } from './dataProvider';
import districts from './districts';
import grids from './grids';
import households from './households';
import { i18nProvider } from './i18n';
import { AppLayout } from './layout/AppLayout';
import offices from './offices';
import residents from './residents';
import serviceWindows from './serviceWindows';
import staffMembers from './staffMembers';

// Charts and the tree view are the heaviest parts: loaded when first shown, not with every list and form.
const LazyDashboard = lazy(() => import('./dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const LazyStructurePage = lazy(() => import('./structure/StructurePage').then((m) => ({ default: m.StructurePage })));
const Dashboard = () => <Suspense fallback={<Loading />}><LazyDashboard /></Suspense>;
const StructurePage = () => <Suspense fallback={<Loading />}><LazyStructurePage /></Suspense>;

const dataProvider = createDataProvider();

export const App = () => (
  <Admin
    title="cg.app"
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={AppLayout}
    disableTelemetry
    requireAuth={false}
  >
    <Resource name="communities" {...communities} />
    <Resource name="grids" {...grids} />
    <Resource name="households" {...households} />
    <Resource name="residents" {...residents} />
    <Resource name="staffMembers" {...staffMembers} />
    <Resource name="serviceWindows" {...serviceWindows} />
    <Resource name="offices" {...offices} />
    <Resource name="districts" {...districts} />
    <CustomRoutes>
      <Route path="/structure" element={<StructurePage />} />
    </CustomRoutes>
  </Admin>
);
