import StorefrontIcon from '@mui/icons-material/Storefront';
import { createView, editView } from '../common';
import { ServiceWindowForm } from './ServiceWindowForm';
import { ServiceWindowList } from './ServiceWindowList';
import { ServiceWindowShow } from './ServiceWindowShow';

export default {
  list: ServiceWindowList,
  show: ServiceWindowShow,
  edit: editView(ServiceWindowForm),
  create: createView(ServiceWindowForm),
  icon: StorefrontIcon,
  recordRepresentation: 'name',
};
