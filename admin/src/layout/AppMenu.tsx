import AccountTreeIcon from '@mui/icons-material/AccountTree';
import GridOnIcon from '@mui/icons-material/GridOn';
import KeyIcon from '@mui/icons-material/Key';
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import { Permission } from '@community-grid/shared';
import { Menu } from 'react-admin';
import { useCan } from '../access';

export const AppMenu = () => {
  const canReadAffairs = useCan(Permission.READ_AFFAIRS);
  return (
    <Menu>
      <Menu.DashboardItem />
      {canReadAffairs && <Menu.Item to="/service" primaryText="cg.menu.service" leftIcon={<SupportAgentIcon />} />}
      <Menu.Item to="/structure" primaryText="cg.menu.structure" leftIcon={<AccountTreeIcon />} />
      <Menu.Item to="/coverage" primaryText="cg.menu.coverage" leftIcon={<GridOnIcon />} />
      <Menu.ResourceItems />
      <Menu.Item to="/my-tokens" primaryText="cg.menu.tokens" leftIcon={<KeyIcon />} />
    </Menu>
  );
};
