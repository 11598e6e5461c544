import AccountTreeIcon from '@mui/icons-material/AccountTree';
import KeyIcon from '@mui/icons-material/Key';
import { Menu } from 'react-admin';

export const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    <Menu.Item to="/structure" primaryText="cg.menu.structure" leftIcon={<AccountTreeIcon />} />
    <Menu.ResourceItems />
    <Menu.Item to="/my-tokens" primaryText="cg.menu.tokens" leftIcon={<KeyIcon />} />
  </Menu>
);
