import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import communities from './communities';
import { Dashboard } from './dashboard/Dashboard';
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
import { StructurePage } from './structure/StructurePage';

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
