import { regex, SimpleForm, TextInput, useRecordContext } from 'react-admin';
import { requiredText } from '../common';
import { DatedFormHeader } from '../time/DatedViews';

const code = [...requiredText(40), regex(/^[A-Z][A-Z0-9_]*$/, 'cg.validation.role_code')];

export const SpecialistRoleForm = () => {
  const record = useRecordContext();
  return (
    <SimpleForm>
      <DatedFormHeader />
      {/* The code is stable: set once, never changed or reused. */}
      <TextInput source="code" validate={code} disabled={Boolean(record?.id)} />
      <TextInput source="name" validate={requiredText(50)} />
      <TextInput source="nameEn" validate={requiredText(100)} />
      <TextInput source="description" multiline fullWidth />
    </SimpleForm>
  );
};
