import PersonIcon from '@mui/icons-material/Person';
import { createView, editView } from '../common';
import { ResidentForm } from './ResidentForm';
import { ResidentList } from './ResidentList';
import { ResidentShow } from './ResidentShow';

export default {
  list: ResidentList,
  show: ResidentShow,
  edit: editView(ResidentForm),
  create: createView(ResidentForm),
  icon: PersonIcon,
  recordRepresentation: 'name',
};
