import MapIcon from '@mui/icons-material/Map';
import { createView, editView } from '../common';
import { DistrictForm } from './DistrictForm';
import { DistrictList } from './DistrictList';
import { DistrictShow } from './DistrictShow';

export default {
  list: DistrictList,
  show: DistrictShow,
  edit: editView(DistrictForm),
  create: createView(DistrictForm),
  icon: MapIcon,
  recordRepresentation: 'name',
};
