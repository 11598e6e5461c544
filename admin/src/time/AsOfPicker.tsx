import TodayIcon from '@mui/icons-material/Today';
import { Button, Stack, TextField } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { RESOURCES } from '../dataProvider/resources';
import { districtToday, setAsOf, useAsOf, useShownDay } from './asOf';

/**
 * Picks the day the district is shown as of. Records already loaded for
 * another day are dropped from react-admin's cache, so no screen shows one
 * day's rows while the other day's load.
 */
export const AsOfPicker = () => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const asOf = useAsOf();
  const shown = useShownDay();
  const choose = (day: string | null) => {
    setAsOf(day === districtToday() ? null : day);
    queryClient.resetQueries({ predicate: (query) => typeof query.queryKey[0] === 'string' && query.queryKey[0] in RESOURCES });
  };
  return (
    <Stack direction="row" gap={1} alignItems="center" data-testid="as-of">
      <TextField
        type="date" size="small" label={translate('cg.as_of.label')} value={shown}
        onChange={(event) => event.target.value && choose(event.target.value)}
        slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 170 }}
      />
      <Button size="small" startIcon={<TodayIcon />} disabled={!asOf} onClick={() => choose(null)} sx={{ whiteSpace: 'nowrap' }}>
        {translate('cg.as_of.today')}
      </Button>
    </Stack>
  );
};
