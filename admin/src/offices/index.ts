import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { createView, editView } from '../common';
import { OfficeForm } from './OfficeForm';
import { OfficeList } from './OfficeList';
import { OfficeShow } from './OfficeShow';

export default {
  list: OfficeList,
  show: OfficeShow,
  edit: editView(OfficeForm),
  create: createView(OfficeForm),
  icon: AccountBalanceIcon,
  recordRepresentation: 'name',
};
