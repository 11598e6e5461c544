import { Autocomplete, type AutocompleteRenderInputParams, TextField } from '@mui/material';
import { useMemo, useState } from 'react';
import { useGetList, useGetMany, useTranslate } from 'react-admin';
import { useLocalizedName } from '../common';

export interface Option {
  id: string;
  label: string;
}

interface Props {
  resource: string;
  label: string;
  /** The day the units are read as of (the plan's day). */
  day: string;
  /** Units created by earlier steps ("new:<step id>"), offered first. */
  created?: Option[];
  error?: string;
  filter?: Record<string, unknown>;
  testId?: string;
}
type Single = Props & { multiple?: false; value: string | null; onChange: (value: string | null) => void };
type Multiple = Props & { multiple: true; value: string[]; onChange: (value: string[]) => void };

/**
 * Picks units by typing part of their code or name (never an id): the units of
 * the resource valid on the plan's day, and those earlier steps create.
 */
export const UnitPicker = (props: Single | Multiple) => {
  const { resource, label, day, created = [], error, filter, testId } = props;
  const translate = useTranslate();
  const nameOf = useLocalizedName();
  const [search, setSearch] = useState('');
  const sort =
    resource === 'staffMembers' || resource === 'offices'
      ? { field: 'name', order: 'ASC' as const }
      : { field: 'code', order: 'ASC' as const };
  const { data = [], isPending } = useGetList(resource, {
    pagination: { page: 1, perPage: 25 },
    sort,
    filter: { ...filter, ...(search ? { q: search } : {}) },
    meta: { asOf: day },
  });
  const chosen = (props.multiple ? props.value : props.value ? [props.value] : []).filter((id) => !id.startsWith('new:'));
  const { data: chosenRecords = [] } = useGetMany(resource, { ids: chosen, meta: { asOf: day } }, { enabled: chosen.length > 0 });
  const labelOf = (record: { code?: string; name: string; nameEn?: string }): string =>
    resource === 'staffMembers'
      ? record.name
      : resource === 'offices'
        ? nameOf(record)
        : `${record.code} ${resource === 'communities' ? nameOf(record) : record.name}`;
  const options = useMemo<Option[]>(() => {
    const seen = new Map<string, Option>();
    for (const option of created) seen.set(option.id, option);
    for (const record of [...chosenRecords, ...data]) seen.set(String(record.id), { id: String(record.id), label: labelOf(record) });
    return [...seen.values()];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [created, chosenRecords, data]);
  const find = (id: string): Option => options.find((o) => o.id === id) ?? { id, label: '…' };
  const common = {
    options,
    loading: isPending,
    filterOptions: (list: Option[]) => list,
    isOptionEqualToValue: (a: Option, b: Option) => a.id === b.id,
    getOptionLabel: (o: Option) => o.label,
    onInputChange: (_event: unknown, text: string, reason: string) => {
      if (reason === 'input') setSearch(text);
      if (reason === 'reset' || reason === 'clear') setSearch('');
    },
    noOptionsText: translate('ra.navigation.no_results'),
    renderInput: (params: AutocompleteRenderInputParams) => (
      <TextField {...params} label={label} error={Boolean(error)} helperText={error} size="small" />
    ),
    sx: { minWidth: 420, mb: 2 },
    'data-testid': testId,
  };
  if (props.multiple) {
    return (
      <Autocomplete<Option, true>
        {...common}
        multiple
        value={props.value.map(find)}
        onChange={(_e, value) => props.onChange(value.map((o) => o.id))}
      />
    );
  }
  return (
    <Autocomplete<Option, false>
      {...common}
      value={props.value ? find(props.value) : null}
      onChange={(_e, value) => props.onChange(value?.id ?? null)}
    />
  );
};
