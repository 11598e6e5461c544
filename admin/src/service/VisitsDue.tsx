import {
  Button,
  Card,
  CardContent,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Loading, useNotify, useTranslate } from 'react-admin';
import { useLocalizedName } from '../common';
import { useApiDataProvider } from '../dataProvider/api';
import type { HouseholdsDueForVisitQuery, VisitPurpose } from '../gql/graphql';
import { serviceKeys } from './queries';

type Due = HouseholdsDueForVisitQuery['householdsDueForVisit']['items'][number];

/** A grid member's households by visit due date, each with the visit form. */
export const VisitsDue = () => {
  const translate = useTranslate();
  const dataProvider = useApiDataProvider();
  const { data, error } = useQuery({
    queryKey: serviceKeys.visitsDue,
    queryFn: () => dataProvider.householdsDueForVisit(),
    retry: false,
  });
  const [visiting, setVisiting] = useState<Due | null>(null);
  if (error) return <Typography color="error">{translate(error.message, { _: error.message })}</Typography>;
  if (!data) return <Loading />;
  return (
    <Card>
      <CardContent>
        <Table size="small" data-testid="visits-due">
          <TableHead>
            <TableRow>
              <TableCell>{translate('cg.service.household')}</TableCell>
              <TableCell>{translate('cg.service.last_visit')}</TableCell>
              <TableCell>{translate('cg.service.visit_due')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {data.items.map((row) => (
              <TableRow key={row.household.id}>
                <TableCell>
                  {row.household.address}
                  {row.special ? ` · ${translate('cg.service.special')}` : ''}
                </TableCell>
                <TableCell>{row.lastVisitedOn ?? translate('cg.service.never')}</TableCell>
                <TableCell>{row.dueOn}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setVisiting(row)} data-testid="visit-record">
                    {translate('cg.service.record_visit')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
      {visiting && <VisitDialog due={visiting} onClose={() => setVisiting(null)} onDone={() => setVisiting(null)} />}
    </Card>
  );
};

const VisitDialog = ({ due, onClose, onDone }: { due: Due; onClose: () => void; onDone: () => void }) => {
  const translate = useTranslate();
  const nameOf = useLocalizedName();
  const notify = useNotify();
  const dataProvider = useApiDataProvider();
  const queryClient = useQueryClient();
  const categories = useQuery({ queryKey: serviceKeys.categories, queryFn: () => dataProvider.serviceCategories(), retry: false });
  const [form, setForm] = useState({ purpose: 'ROUTINE' as VisitPurpose, findings: '', followUp: false, affair: '', categoryId: '' });
  // A visit moves the household down the list, and the affairs it raises join the worklists and counts.
  const record = useMutation({
    mutationFn: () =>
      dataProvider.recordVisit({
        householdId: due.household.id,
        purpose: form.purpose,
        findings: form.findings,
        followUp: form.followUp,
        ...(form.affair.trim()
          ? { affairs: [{ description: form.affair, ...(form.categoryId ? { categoryId: form.categoryId } : {}) }] }
          : {}),
      }),
    onSuccess: () => {
      notify('cg.service.visit_recorded', { type: 'success' });
      void queryClient.invalidateQueries({ queryKey: serviceKeys.all });
      onDone();
    },
    onError: (error) => notify(error.message, { type: 'error' }),
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="visit-dialog">
      <DialogTitle>
        {translate('cg.service.record_visit')}: {due.household.address}
      </DialogTitle>
      <DialogContent>
        <Stack gap={2} sx={{ mt: 1 }}>
          <TextField
            select
            size="small"
            label={translate('cg.service.purpose')}
            value={form.purpose}
            onChange={(e) => setForm({ ...form, purpose: e.target.value as VisitPurpose })}
          >
            {['ROUTINE', 'FOLLOW_UP', 'SURVEY', 'SPECIAL_POPULATION'].map((p) => (
              <MenuItem key={p} value={p}>
                {translate(`cg.enums.VisitPurpose.${p}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            multiline
            minRows={2}
            label={translate('cg.service.findings')}
            value={form.findings}
            onChange={(e) => setForm({ ...form, findings: e.target.value })}
          />
          <FormControlLabel
            control={<Checkbox checked={form.followUp} onChange={(e) => setForm({ ...form, followUp: e.target.checked })} />}
            label={translate('cg.service.follow_up')}
          />
          <TextField
            size="small"
            label={translate('cg.service.raise_affair')}
            value={form.affair}
            onChange={(e) => setForm({ ...form, affair: e.target.value })}
          />
          {form.affair.trim() && (
            <TextField
              select
              size="small"
              label={translate('cg.service.category')}
              value={form.categoryId}
              onChange={(e) => setForm({ ...form, categoryId: e.target.value })}
            >
              <MenuItem value="">—</MenuItem>
              {(categories.data ?? []).map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {nameOf(c)}
                </MenuItem>
              ))}
            </TextField>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={() => record.mutate()} data-testid="visit-save">
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
