import { Chip, Stack } from '@mui/material';
import { FieldProps, useRecordContext, useTranslate } from 'react-admin';

/** Resident tags as chips, in the user's language. */
export const TagsField = (_props: FieldProps) => {
  const record = useRecordContext();
  const translate = useTranslate();
  return (
    <Stack direction="row" gap={0.5} flexWrap="wrap">
      {(record?.tags ?? []).map((tag: string) => (
        <Chip key={tag} size="small" label={translate(`cg.enums.ResidentTag.${tag}`)} />
      ))}
    </Stack>
  );
};
