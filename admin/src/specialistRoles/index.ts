import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { createElement } from 'react';
import { createView, editView, LocalizedNameField } from '../common';
import { SpecialistRoleForm } from './SpecialistRoleForm';
import { SpecialistRoleList } from './SpecialistRoleList';
import { SpecialistRoleShow } from './SpecialistRoleShow';

export default {
  list: SpecialistRoleList,
  show: SpecialistRoleShow,
  edit: editView(SpecialistRoleForm),
  create: createView(SpecialistRoleForm),
  icon: WorkspacePremiumIcon,
  recordRepresentation: createElement(LocalizedNameField),
};
