import EventIcon from '@mui/icons-material/Event';
import TodayIcon from '@mui/icons-material/Today';
import { Button, Chip, Stack, TextField, Tooltip } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { useApiDataProvider } from '../dataProvider/api';
import { RESOURCES } from '../dataProvider/resources';
import { reorganizationKeys } from '../reorganization/operations';
import { formatDay } from '../staffing/posts';
import { districtToday, setAsOf, useAsOf, useShownDay } from './asOf';

/**
 * Picks the day the district is shown as of. Records already loaded for
 * another day are dropped from react-admin's cache, so no screen shows one
 * day's rows while the other day's load. With `planned`, the days of applied
 * plans still to come are offered as quick picks (the structure they plan).
 */
export const AsOfPicker = ({ planned = false }: { planned?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const queryClient = useQueryClient();
  const asOf = useAsOf();
  const shown = useShownDay();
  const dataProvider = useApiDataProvider();
  const { data: plannedDays } = useQuery({
    queryKey: reorganizationKeys.plannedDays,
    queryFn: () => dataProvider.plannedDays(),
    enabled: planned,
    retry: false,
  });
  const choose = (day: string | null) => {
    setAsOf(day === districtToday() ? null : day);
    queryClient.resetQueries({ predicate: (query) => typeof query.queryKey[0] === 'string' && query.queryKey[0] in RESOURCES });
  };
  return (
    <Stack direction="row" gap={1} alignItems="center" data-testid="as-of" flexWrap="wrap">
      <TextField
        type="date"
        size="small"
        label={translate('cg.as_of.label')}
        value={shown}
        onChange={(event) => event.target.value && choose(event.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ width: 170 }}
      />
      <Button size="small" startIcon={<TodayIcon />} disabled={!asOf} onClick={() => choose(null)} sx={{ whiteSpace: 'nowrap' }}>
        {translate('cg.as_of.today')}
      </Button>
      {(plannedDays ?? []).map((plan) => (
        <Tooltip key={plan.planId} title={translate('cg.as_of.planned_hint', { name: plan.name })}>
          <Chip
            icon={<EventIcon />}
            size="small"
            variant={shown === plan.effectiveOn ? 'filled' : 'outlined'}
            color="secondary"
            clickable
            data-testid="planned-day"
            label={translate('cg.as_of.planned', { day: formatDay(locale, plan.effectiveOn), name: plan.name })}
            onClick={() => choose(plan.effectiveOn)}
          />
        </Tooltip>
      ))}
    </Stack>
  );
};
