import ChecklistIcon from '@mui/icons-material/Checklist';
import { createElement } from 'react';
import { LocalizedNameField } from '../common';
import { StaffingTemplateList } from './StaffingTemplateList';
import { StaffingTemplateShow } from './StaffingTemplateShow';

export default {
  list: StaffingTemplateList,
  show: StaffingTemplateShow,
  icon: ChecklistIcon,
  recordRepresentation: createElement(LocalizedNameField),
};
