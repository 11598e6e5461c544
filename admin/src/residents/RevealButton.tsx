import { Alert, Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useCanAccess, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useApiDataProvider } from '../dataProvider/api';

/** Shows one resident's full ID number and phone on request; the server records who looked. */
export const RevealButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const allowed = useCanAccess({ resource: 'residents', action: 'reveal' }).canAccess === true;
  const dataProvider = useApiDataProvider();
  // A write (the server records who looked), so a mutation: never cached, never repeated by itself.
  const reveal = useMutation({
    mutationFn: (id: string) => dataProvider.revealResidentPersonalData(id),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!allowed || !record) return null;
  // Shown only on the record it was revealed for, should this button be reused for another.
  const revealed = reveal.variables === String(record.id) ? reveal.data : undefined;
  if (revealed) {
    return (
      <Alert severity="info" data-testid="revealed">
        {translate('resources.residents.fields.idNumber')}: {revealed.idNumber} · {translate('resources.residents.fields.phone')}:{' '}
        {revealed.phone ?? '—'}
      </Alert>
    );
  }
  return (
    <Button variant="outlined" size="small" disabled={reveal.isPending} onClick={() => reveal.mutate(String(record.id))}>
      {translate('cg.reveal.button')}
    </Button>
  );
};
