import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Menu } from 'react-admin';

export const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    <Menu.Item to="/structure" primaryText="cg.menu.structure" leftIcon={<AccountTreeIcon />} />
    <Menu.ResourceItems />
  </Menu>
);
