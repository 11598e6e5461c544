import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { QueryFn } from '../dataProvider';

/** Shows one resident's full ID number and phone on request; the server records who looked. */
export const RevealButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const allowed = useCanAccess({ resource: 'residents', action: 'reveal' }).canAccess === true;
  const dataProvider = useDataProvider() as unknown as { query: QueryFn };
  const [revealed, setRevealed] = useState<{ idNumber: string; phone: string | null } | null>(null);
  if (!allowed || !record) return null;
  if (revealed) {
    return <Alert severity="info" data-testid="revealed">{translate('resources.residents.fields.idNumber')}: {revealed.idNumber} · {translate('resources.residents.fields.phone')}: {revealed.phone ?? '—'}</Alert>;
  }
  return (
    <Button variant="outlined" size="small" onClick={async () => {
      try {
        setRevealed((await dataProvider.query('mutation ($id: ID!) { revealResidentPersonalData(id: $id) { idNumber phone } }', { id: record.id })).revealResidentPersonalData);
      } catch (error) {
        notify((error as Error).message, { type: 'error' });
      }
    }}>{translate('cg.reveal.button')}</Button>
  );
};
