import BadgeIcon from '@mui/icons-material/Badge';
import { createView, editView } from '../common';
import { StaffMemberForm } from './StaffMemberForm';
import { StaffMemberList } from './StaffMemberList';
import { StaffMemberShow } from './StaffMemberShow';

export default {
  list: StaffMemberList,
  show: StaffMemberShow,
  edit: editView(StaffMemberForm),
  create: createView(StaffMemberForm),
  icon: BadgeIcon,
  recordRepresentation: 'name',
};
