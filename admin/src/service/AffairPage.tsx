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
import { Loading, Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useLocalizedName } from '../common';
import type { QueryFn } from '../dataProvider';
import { useApiQuery } from '../useApiQuery';
import type { AffairRow } from './AffairTable';
import { AFFAIR, CATEGORIES, TRANSITION } from './queries';

interface Event {
  id: string;
  kind: string;
  transition: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  actorName: string;
  note: string;
  day: string;
  at: string;
  routeReason: string | null;
  routeFallback: string | null;
  escalationLevel: number | null;
  assignee: { id: string; name: string } | null;
}
interface Affair extends AffairRow {
  allowedTransitions: string[];
  satisfaction: number | null;
  rejectReason: string | null;
  routeFallback: string | null;
  suspendedWorkingDays: number;
  grid: { name: string } | null;
  serviceWindow: { name: string } | null;
  acceptedBy: { name: string } | null;
  timeline: Event[];
}

/** What each transition's dialog asks for. */
const NEEDS: Record<string, Array<'note' | 'categoryId' | 'satisfaction' | 'reason' | 'staffMemberId'>> = {
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
  const { id } = useParams();
  const translate = useTranslate();
  const nameOf = useLocalizedName();
  const { data, error, reload } = useApiQuery<{ affair: Affair }>(AFFAIR, { id });
  const [step, setStep] = useState<string | null>(null);
  if (error) return <Typography color="error">{translate(error.message, { _: error.message })}</Typography>;
  if (!data) return <Loading />;
  const { affair } = data;
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
      {step && (
        <TransitionDialog
          affairId={affair.id}
          transition={step}
          onClose={() => setStep(null)}
          onDone={() => {
            setStep(null);
            reload();
          }}
        />
      )}
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
  transition: string;
  onClose: () => void;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const nameOf = useLocalizedName();
  const notify = useNotify();
  const dataProvider = useDataProvider() as unknown as { query: QueryFn };
  const categories = useApiQuery<{ serviceCategories: { items: Array<{ id: string; code: string; name: string; nameEn: string }> } }>(
    CATEGORIES,
    undefined,
    !NEEDS[transition].includes('categoryId'),
  );
  const [values, setValues] = useState<Record<string, string>>({});
  const set = (field: string) => (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value });
  const apply = async () => {
    try {
      const input: Record<string, unknown> = { id: affairId, transition };
      for (const [key, value] of Object.entries(values)) if (value !== '') input[key] = key === 'satisfaction' ? Number(value) : value;
      await dataProvider.query(TRANSITION, { input });
      notify('cg.service.done', { type: 'success' });
      onDone();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
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
              {(categories.data?.serviceCategories.items ?? []).map((c) => (
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
        <Button variant="contained" onClick={() => void apply()} data-testid="transition-apply">
          {translate('cg.service.apply')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
