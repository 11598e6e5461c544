import HouseIcon from '@mui/icons-material/House';
import { createView, editView } from '../common';
import { HouseholdForm } from './HouseholdForm';
import { HouseholdList } from './HouseholdList';
import { HouseholdShow } from './HouseholdShow';

export default {
  list: HouseholdList,
  show: HouseholdShow,
  edit: editView(HouseholdForm),
  create: createView(HouseholdForm),
  icon: HouseIcon,
  recordRepresentation: 'address',
};
