import { Role } from '@community-grid/shared';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteArrayInput,
  BooleanInput,
  PasswordInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useNotify,
  useRecordContext,
  useTranslate,
  AutocompleteInput,
  minLength,
} from 'react-admin';
import { useMutation } from '@tanstack/react-query';
import { enumChoices, requiredText } from '../common';
import { useApiDataProvider } from '../dataProvider/api';
import { AccountTokens } from './AccountTokens';

/** Role, reach (communities, grids, staff record) and whether the account may sign in. */
const Reach = () => (
  <>
    <TextInput source="displayName" validate={requiredText(100)} />
    <SelectInput source="role" choices={enumChoices(Role, 'Role')} validate={required()} />
    <ReferenceArrayInput source="communityIds" reference="communities" perPage={50}>
      <AutocompleteArrayInput optionText="name" />
    </ReferenceArrayInput>
    <ReferenceArrayInput source="gridIds" reference="grids" perPage={100}>
      <AutocompleteArrayInput />
    </ReferenceArrayInput>
    <ReferenceInput source="staffMemberId" reference="staffMembers">
      <AutocompleteInput />
    </ReferenceInput>
    <BooleanInput source="disabled" />
  </>
);

export const AccountCreateForm = () => (
  <SimpleForm>
    <TextInput source="username" validate={requiredText(50)} />
    <PasswordInput source="password" validate={[required(), minLength(10)]} />
    <Reach />
  </SimpleForm>
);

/** Sets a new password; the account's sessions end. */
const ResetPassword = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useApiDataProvider();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: (id: string) => dataProvider.resetPassword(id, password),
    onSuccess: () => {
      notify('cg.accounts.password_reset', { type: 'success' });
      setOpen(false);
    },
    onError: (error) => notify(error.message, { type: 'error' }),
  });
  if (!record) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{translate('cg.accounts.reset_password')}</Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('cg.accounts.reset_password')}</DialogTitle>
        <DialogContent>
          <MuiTextField
            type="password"
            label={translate('resources.accounts.fields.password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            fullWidth
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button onClick={() => reset.mutate(String(record.id))} disabled={password.length < 10} variant="contained">
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

export const AccountEditForm = () => (
  <SimpleForm>
    <TextInput source="username" disabled />
    <Reach />
    <ResetPassword />
    <AccountTokens />
  </SimpleForm>
);
