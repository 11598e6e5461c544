import {
  Box,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormHelperText,
  InputLabel,
  List,
  ListItem,
  MenuItem,
  Radio,
  RadioGroup,
  Select,
  Typography,
} from '@mui/material';
import { useMemo } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { addressParts, StepParams } from './plans';

type Selection = Pick<StepParams, 'building' | 'courtyard' | 'householdIds'>;
type Mode = 'building' | 'courtyard' | 'list';

/**
 * Which of a grid's households a split or a move takes: every household of a
 * building or a courtyard (read from the addresses "…N号院M号楼…"), or a
 * checklist. Counts are the grid's households on the plan's day.
 */
export const HouseholdChooser = ({
  gridId,
  day,
  value,
  onChange,
  error,
}: {
  gridId: string | null | undefined;
  day: string;
  value: Selection;
  onChange: (value: Selection) => void;
  error?: string;
}) => {
  const translate = useTranslate();
  const existing = Boolean(gridId && !gridId.startsWith('new:'));
  const { data = [], isPending } = useGetList(
    'households',
    {
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'address', order: 'ASC' },
      filter: { gridId },
      meta: { asOf: day },
    },
    { enabled: existing },
  );
  const groups = useMemo(() => {
    const count = (key: 'building' | 'courtyard') => {
      const counts = new Map<string, number>();
      for (const household of data) {
        const part = addressParts(household.address)[key];
        if (part) counts.set(part, (counts.get(part) ?? 0) + 1);
      }
      return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN', { numeric: true }));
    };
    return { building: count('building'), courtyard: count('courtyard') };
  }, [data]);
  const mode: Mode = value.courtyard != null ? 'courtyard' : value.householdIds ? 'list' : 'building';
  const setMode = (next: Mode) => onChange(next === 'list' ? { householdIds: [] } : { [next]: '' });
  if (!existing) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('cg.reorg.households_pick_grid')}
      </Typography>
    );
  }
  const chosen = new Set(value.householdIds ?? []);
  return (
    <Box sx={{ mb: 2 }} data-testid="household-chooser">
      <Typography variant="subtitle2">{translate('cg.reorg.households_title', { smart_count: data.length })}</Typography>
      <RadioGroup row value={mode} onChange={(event) => setMode(event.target.value as Mode)}>
        {(['building', 'courtyard', 'list'] as Mode[]).map((m) => (
          <FormControlLabel key={m} value={m} control={<Radio size="small" />} label={translate(`cg.reorg.by_${m}`)} />
        ))}
      </RadioGroup>
      {mode !== 'list' ? (
        <FormControl size="small" sx={{ minWidth: 420 }} error={Boolean(error)}>
          <InputLabel id={`choose-${mode}`}>{translate(`cg.reorg.${mode}`)}</InputLabel>
          <Select
            labelId={`choose-${mode}`}
            label={translate(`cg.reorg.${mode}`)}
            value={value[mode] ?? ''}
            disabled={isPending}
            onChange={(event) => onChange({ [mode]: event.target.value })}
          >
            {[
              ...groups[mode],
              ...(value[mode] && !groups[mode].some(([part]) => part === value[mode]) ? [[value[mode]!, 0] as [string, number]] : []),
            ].map(([part, count]) => (
              <MenuItem key={part} value={part}>
                {translate('cg.reorg.part_count', { part, smart_count: count })}
              </MenuItem>
            ))}
          </Select>
          {error && <FormHelperText>{error}</FormHelperText>}
        </FormControl>
      ) : (
        <>
          <List dense sx={{ maxHeight: 260, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
            {data.map((household) => (
              <ListItem key={household.id} disablePadding>
                <FormControlLabel
                  sx={{ ml: 1 }}
                  control={
                    <Checkbox
                      size="small"
                      checked={chosen.has(String(household.id))}
                      onChange={(event) => {
                        const next = new Set(chosen);
                        if (event.target.checked) next.add(String(household.id));
                        else next.delete(String(household.id));
                        onChange({ householdIds: [...next] });
                      }}
                    />
                  }
                  label={household.address}
                />
              </ListItem>
            ))}
          </List>
          <FormHelperText error={Boolean(error)}>
            {error ?? translate('cg.reorg.households_chosen', { smart_count: chosen.size })}
          </FormHelperText>
        </>
      )}
    </Box>
  );
};
