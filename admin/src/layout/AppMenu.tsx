import AccountTreeIcon from '@mui/icons-material/AccountTree';
import GridOnIcon from '@mui/icons-material/GridOn';
import KeyIcon from '@mui/icons-material/Key';
import { Menu } from 'react-admin';

export const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    <Menu.Item to="/structure" primaryText="cg.menu.structure" leftIcon={<AccountTreeIcon />} />
    <Menu.Item to="/coverage" primaryText="cg.menu.coverage" leftIcon={<GridOnIcon />} />
    <Menu.ResourceItems />
    <Menu.Item to="/my-tokens" primaryText="cg.menu.tokens" leftIcon={<KeyIcon />} />
  </Menu>
);
