import DeviceHubIcon from '@mui/icons-material/DeviceHub';
import { createView, editView } from '../common';
import { PlanForm } from './PlanForm';
import { PlanList } from './PlanList';
import { PlanShow } from './PlanShow';

export default {
  list: PlanList,
  show: PlanShow,
  edit: editView(PlanForm),
  create: createView(PlanForm),
  icon: DeviceHubIcon,
  options: { label: 'cg.menu.reorganization' },
  recordRepresentation: (plan: { name: string }) => plan.name,
};
