import HomeWorkIcon from '@mui/icons-material/HomeWork';
import { createView, editView } from '../common';
import { CommunityForm } from './CommunityForm';
import { CommunityList } from './CommunityList';
import { CommunityShow } from './CommunityShow';

export default {
  list: CommunityList,
  show: CommunityShow,
  edit: editView(CommunityForm),
  create: createView(CommunityForm),
  icon: HomeWorkIcon,
  recordRepresentation: 'name',
};
