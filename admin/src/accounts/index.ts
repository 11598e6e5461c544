import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { createView, editView } from '../common';
import { AccountCreateForm, AccountEditForm } from './AccountForm';
import { AccountList } from './AccountList';

export default {
  list: AccountList,
  edit: editView(AccountEditForm),
  create: createView(AccountCreateForm, 'list'),
  icon: ManageAccountsIcon,
  recordRepresentation: 'username',
};
