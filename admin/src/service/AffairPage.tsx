import {
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { useLocalizedName } from '../common';
import { useApiDataProvider } from '../dataProvider/api';
import type { AffairTransition, AffairTransitionInput } from '../gql/graphql';
import { serviceKeys } from './queries';

/** What each transition's dialog asks for. */
const NEEDS: Record<AffairTransition, Array<'note' | 'categoryId' | 'satisfaction' | 'reason' | 'staffMemberId'>> = {
  CLASSIFY: ['categoryId', 'note'],
  ASSIGN: ['note'],
  START: ['note'],
  RETURN: ['note'],
  SUSPEND: ['note'],
  RESUME: ['note'],
  RESOLVE: ['note'],
  CLOSE: ['satisfaction', 'note'],
  REJECT: ['reason'],
};

/** One affair: where it stands, who owns it and why, its timeline, and the steps the workflow allows now. */
export const AffairPage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const nameOf = useLocalizedName();
  const dataProvider = useApiDataProvider();
  const { data: affair, error } = useQuery({ queryKey: serviceKeys.affair(id), queryFn: () => dataProvider.affair(id), retry: false });
  const [step, setStep] = useState<AffairTransition | null>(null);
  if (error) return <Typography color="error">{translate(error.message, { _: error.message })}</Typography>;
  if (!affair) return <Loading />;
  const line = (label: string, value: string | number | null | undefined) => (
    <Typography variant="body2">
      <b>{translate(label)}:</b> {value ?? '—'}
    </Typography>
  );
  const why = (reason: string | null, fallback: string | null) =>
    [reason && translate(`cg.enums.RouteReason.${reason}`), fallback && translate(`cg.enums.RouteFallback.${fallback}`)]
      .filter(Boolean)
      .join(' — ');
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="cg.service.affair" />
      <Typography variant="h5">{affair.description}</Typography>
      <Typography variant="subtitle1" data-testid="affair-status">
        {translate(`cg.enums.AffairStatus.${affair.status}`)}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} gap={2} sx={{ mt: 1 }}>
        <Card sx={{ flex: 1 }}>
          <CardContent>
            {line('cg.service.who', affair.resident?.name ?? affair.household?.address)}
            {line('cg.service.category', affair.category ? nameOf(affair.category) : null)}
            {line('cg.service.channel', translate(`cg.enums.AffairChannel.${affair.channel}`))}
            {line('cg.service.community', affair.community ? nameOf(affair.community) : null)}
            {line('cg.service.grid', affair.grid?.name)}
            {line('cg.service.window', affair.serviceWindow?.name)}
            {line('cg.service.accepted_on', affair.acceptedOn)}
            {line(
              'cg.service.assignee',
              affair.assignee?.name ?? (affair.routeReason === 'DISTRICT' ? translate('cg.service.district') : null),
            )}
            {line('cg.service.why', why(affair.routeReason, affair.routeFallback))}
            {line('cg.service.due_on', affair.dueOn)}
            {affair.satisfaction !== null && line('cg.service.satisfaction', affair.satisfaction)}
            {affair.rejectReason && line('cg.service.reason', affair.rejectReason)}
            <Stack direction="row" gap={1} sx={{ mt: 2 }} flexWrap="wrap">
              {affair.allowedTransitions.map((t) => (
                <Button key={t} variant="outlined" onClick={() => setStep(t)} data-testid={`transition-${t}`}>
                  {translate(`cg.enums.AffairTransition.${t}`)}
                </Button>
              ))}
            </Stack>
          </CardContent>
        </Card>
        <Card sx={{ flex: 1 }}>
          <CardContent>
            <Typography variant="h6">{translate('cg.service.timeline')}</Typography>
            <Box component="ol" data-testid="affair-timeline" sx={{ pl: 2 }}>
              {affair.timeline.map((e) => (
                <li key={e.id}>
                  <Typography variant="body2">
                    {e.day} · {e.actorName} ·{' '}
                    {e.transition
                      ? translate(`cg.enums.AffairTransition.${e.transition}`)
                      : translate(`cg.enums.AffairEventKind.${e.kind}`)}
                    {e.toStatus && e.kind === 'TRANSITION' ? ` → ${translate(`cg.enums.AffairStatus.${e.toStatus}`)}` : ''}
                    {e.assignee && e.kind !== 'TRANSITION' ? ` → ${e.assignee.name}` : ''}
                    {e.routeReason ? ` (${why(e.routeReason, e.routeFallback)})` : ''}
                    {e.note ? ` — ${e.note}` : ''}
                  </Typography>
                </li>
              ))}
            </Box>
          </CardContent>
        </Card>
      </Stack>
      {step && <TransitionDialog affairId={affair.id} transition={step} onClose={() => setStep(null)} onDone={() => setStep(null)} />}
    </Box>
  );
};

const TransitionDialog = ({
  affairId,
  transition,
  onClose,
  onDone,
}: {
  affairId: string;
  transition: AffairTransition;
  onClose: () => void;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const nameOf = useLocalizedName();
  const notify = useNotify();
  const dataProvider = useApiDataProvider();
  const queryClient = useQueryClient();
  const categories = useQuery({
    queryKey: serviceKeys.categories,
    queryFn: () => dataProvider.serviceCategories(),
    enabled: NEEDS[transition].includes('categoryId'),
    retry: false,
  });
  const [values, setValues] = useState<Partial<Record<(typeof NEEDS)[AffairTransition][number], string>>>({});
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value });
  // The affair's page, the worklists and the home counts all show where it now stands.
  const apply = useMutation({
    mutationFn: () => {
      const input: AffairTransitionInput = { id: affairId, transition };
      if (values.note) input.note = values.note;
      if (values.categoryId) input.categoryId = values.categoryId;
      if (values.satisfaction) input.satisfaction = Number(values.satisfaction);
      if (values.reason) input.reason = values.reason;
      if (values.staffMemberId) input.staffMemberId = values.staffMemberId;
      return dataProvider.transitionAffair(input);
    },
    onSuccess: () => {
      notify('cg.service.done', { type: 'success' });
      void queryClient.invalidateQueries({ queryKey: serviceKeys.all });
      onDone();
    },
    onError: (error) => notify(error.message, { type: 'error' }),
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="transition-dialog">
      <DialogTitle>{translate(`cg.enums.AffairTransition.${transition}`)}</DialogTitle>
      <DialogContent>
        <Stack gap={2} sx={{ mt: 1 }}>
          {NEEDS[transition].includes('categoryId') && (
            <TextField
              select
              size="small"
              label={translate('cg.service.category')}
              value={values.categoryId ?? ''}
              onChange={set('categoryId')}
              helperText={translate('cg.service.category_help')}
              SelectProps={{ SelectDisplayProps: { 'data-testid': 'transition-category' } as never }}
            >
              <MenuItem value="">—</MenuItem>
              {(categories.data ?? []).map((c) => (
                <MenuItem key={c.id} value={c.id} data-testid={`category-${c.code}`}>
                  {nameOf(c)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {NEEDS[transition].includes('satisfaction') && (
            <TextField
              select
              size="small"
              label={translate('cg.service.satisfaction')}
              value={values.satisfaction ?? ''}
              onChange={set('satisfaction')}
              SelectProps={{ SelectDisplayProps: { 'data-testid': 'transition-satisfaction' } as never }}
            >
              {[5, 4, 3, 2, 1].map((n) => (
                <MenuItem key={n} value={String(n)} data-testid={`satisfaction-${n}`}>
                  {n}
                </MenuItem>
              ))}
            </TextField>
          )}
          {NEEDS[transition].includes('reason') && (
            <TextField
              size="small"
              label={translate('cg.service.reason')}
              value={values.reason ?? ''}
              onChange={set('reason')}
              inputProps={{ 'data-testid': 'transition-reason' }}
            />
          )}
          {NEEDS[transition].includes('note') && (
            <TextField
              size="small"
              multiline
              minRows={2}
              label={translate('cg.service.note')}
              value={values.note ?? ''}
              onChange={set('note')}
              inputProps={{ 'data-testid': 'transition-note' }}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={() => apply.mutate()} data-testid="transition-apply">
          {translate('cg.service.apply')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
