import AccountTreeIcon from '@mui/icons-material/AccountTree';
import GridOnIcon from '@mui/icons-material/GridOn';
import KeyIcon from '@mui/icons-material/Key';
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import type { ComponentProps } from 'react';
import { CanAccess, Menu } from 'react-admin';

/** A menu entry of a page of its own, shown when the permission table lets the role do the page's action. */
const PageItem = ({ resource, action, ...props }: { resource: string; action: string } & ComponentProps<typeof Menu.Item>) => (
  <CanAccess resource={resource} action={action}>
    <Menu.Item {...props} />
  </CanAccess>
);

/** The resources' entries (`Menu.ResourceItems`) follow the same table: react-admin shows those whose list the role may see. */
export const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    <PageItem resource="affairs" action="list" to="/service" primaryText="cg.menu.service" leftIcon={<SupportAgentIcon />} />
    <PageItem resource="structure" action="list" to="/structure" primaryText="cg.menu.structure" leftIcon={<AccountTreeIcon />} />
    <PageItem resource="staffing" action="coverage" to="/coverage" primaryText="cg.menu.coverage" leftIcon={<GridOnIcon />} />
    <Menu.ResourceItems />
    <PageItem resource="apiTokens" action="list" to="/my-tokens" primaryText="cg.menu.tokens" leftIcon={<KeyIcon />} />
  </Menu>
);
