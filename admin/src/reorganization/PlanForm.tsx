import { DateInput, maxLength, required, SimpleForm, TextInput } from 'react-admin';
import { requiredText } from '../common';

/** Name, description and the day the plan takes effect (a draft's steps are edited on its page). */
export const PlanForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={requiredText(100)} sx={{ minWidth: 420 }} />
    <DateInput source="effectiveOn" validate={required()} helperText="cg.reorg.effective_help" />
    <TextInput source="description" multiline minRows={3} fullWidth validate={maxLength(2000)} />
  </SimpleForm>
);
