import { Box, Button, Card, CardContent, MenuItem, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Loading, Title, useCanAccess, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useLocalizedName } from '../common';
import { apiKeys, useApiDataProvider } from '../dataProvider/api';
import type { AffairChannel, AffairFilter, AffairListOptions, ResidentSearchQuery } from '../gql/graphql';
import { AffairTable } from './AffairTable';
import { districtToday } from '../time/asOf';
import { OPEN, RUNNING, serviceKeys } from './queries';
import { VisitsDue } from './VisitsDue';

type TabName = 'accept' | 'today' | 'classify' | 'mine' | 'overdue' | 'district' | 'resolved' | 'open' | 'visits';
type Found = ResidentSearchQuery['residents']['items'][number];

/**
 * The one-stop service: acceptance at a window (find the resident by name or by
 * the last 4 characters of their ID number or phone), and the worklists of the
 * back office and of grid members. Each affair opens on its own page.
 */
export const ServicePage = () => {
  const accept = useCanAccess({ resource: 'affairs', action: 'accept' });
  const handle = useCanAccess({ resource: 'affairs', action: 'handle' });
  const visit = useCanAccess({ resource: 'visits', action: 'create' });
  // The first tab is the first the role may use: known once every answer is in.
  if (accept.isPending || handle.isPending || visit.isPending) return <Loading />;
  const tabs: TabName[] = [
    ...(accept.canAccess ? (['accept', 'today'] as const) : []),
    ...(handle.canAccess ? (['classify', 'mine', 'overdue', 'district', 'resolved'] as const) : []),
    'open',
    ...(visit.canAccess ? ['visits' as const] : []),
  ];
  return <ServiceTabs tabs={tabs} />;
};

const ServiceTabs = ({ tabs }: { tabs: TabName[] }) => {
  const translate = useTranslate();
  const [tab, setTab] = useState<TabName>(tabs[0]);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="cg.service.title" />
      <Typography variant="h5">{translate('cg.service.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('cg.service.explain')}
      </Typography>
      <Tabs value={tab} onChange={(_e, value) => setTab(value)} sx={{ mb: 2 }} variant="scrollable">
        {tabs.map((name) => (
          <Tab key={name} value={name} label={translate(`cg.service.tabs.${name}`)} data-testid={`service-tab-${name}`} />
        ))}
      </Tabs>
      {tab === 'accept' && <AcceptForm />}
      {tab === 'visits' && <VisitsDue />}
      {tab !== 'accept' && tab !== 'visits' && <Worklist tab={tab} />}
    </Box>
  );
};

const Worklist = ({ tab }: { tab: Exclude<TabName, 'accept' | 'visits'> }) => {
  const translate = useTranslate();
  const dataProvider = useApiDataProvider();
  const me = useQuery({ queryKey: serviceKeys.me, queryFn: () => dataProvider.me(), retry: false });
  // Today is the server's (its clock decides what is overdue), read from any dated record.
  const server = useQuery({ queryKey: apiKeys.serverToday, queryFn: () => dataProvider.serverToday(), retry: false });
  const today = server.data ?? districtToday();
  const filter: AffairFilter = {
    today: { acceptedOn: { eq: today } },
    classify: { status: { in: ['ACCEPTED' as const, 'RETURNED' as const] } },
    mine: { status: { in: [...OPEN] }, assigneeId: { eq: me.data?.staffMemberId ?? undefined } },
    overdue: { status: { in: [...RUNNING] }, dueOn: { lt: today } },
    district: { status: { in: [...OPEN] }, routeReason: { eq: 'DISTRICT' as const } },
    resolved: { status: { eq: 'RESOLVED' as const } },
    open: { status: { in: [...OPEN] } },
  }[tab];
  const sort: AffairListOptions['sort'] =
    tab === 'classify'
      ? [
          { field: 'categoryId', order: 'ASC' },
          { field: 'acceptedOn', order: 'ASC' },
        ]
      : tab === 'open' || tab === 'resolved' || tab === 'today'
        ? [
            { field: 'acceptedOn', order: 'DESC' },
            { field: 'id', order: 'DESC' },
          ]
        : [{ field: 'dueOn', order: 'ASC' }];
  const options: AffairListOptions = { take: 50, filter, sort };
  const { data, error } = useQuery({
    queryKey: serviceKeys.worklist(options),
    queryFn: () => dataProvider.worklist(options),
    enabled: !(tab === 'mine' && !me.data?.staffMemberId) && server.isSuccess,
    retry: false,
  });
  if (error) return <Typography color="error">{translate(error.message, { _: error.message })}</Typography>;
  // An account without a staff record owns no affairs.
  if (tab === 'mine' && me.data && !me.data.staffMemberId) return <AffairTable rows={[]} testId="worklist-mine" />;
  if (!data) return <Loading />;
  return (
    <Card>
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('cg.service.count', {
            // More than the API counts: "10000+ affairs".
            count: data.totalItemsIsExact ? data.totalItems : `${data.totalItems}+`,
            smart_count: data.totalItems,
          })}
        </Typography>
        <AffairTable rows={data.items} testId={`worklist-${tab}`} />
      </CardContent>
    </Card>
  );
};

/** Window acceptance: find the resident, then say what they need. */
const AcceptForm = () => {
  const translate = useTranslate();
  const nameOf = useLocalizedName();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useApiDataProvider();
  const queryClient = useQueryClient();
  const categories = useQuery({ queryKey: serviceKeys.categories, queryFn: () => dataProvider.serviceCategories(), retry: false });
  const windows = useQuery({ queryKey: serviceKeys.windows, queryFn: () => dataProvider.serviceWindowChoices(), retry: false });
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [resident, setResident] = useState<Found | null>(null);
  const [form, setForm] = useState({ channel: 'WINDOW' as AffairChannel, categoryId: '', description: '', serviceWindowId: '' });

  const find = async () => {
    const text = search.trim();
    if (!text) return;
    // The visible trailing characters of an ID number or phone, or a name.
    const filter = /^\d{3}[\dXx]$/.test(text)
      ? text.length === 4 && /^\d{4}$/.test(text)
        ? null
        : { idNumber: { last4: text.toUpperCase() } }
      : { search: text };
    try {
      if (filter) {
        setFound(await dataProvider.searchResidents(filter));
      } else {
        const [byId, byPhone] = await Promise.all([
          dataProvider.searchResidents({ idNumber: { last4: text } }),
          dataProvider.searchResidents({ phone: { last4: text } }),
        ]);
        const all = [...byId, ...byPhone];
        setFound(all.filter((r, i) => all.findIndex((o) => o.id === r.id) === i));
      }
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  // The new affair joins the worklists and the home counts.
  const accept = useMutation({
    mutationFn: (residentId: string) =>
      dataProvider.acceptAffair({
        residentId,
        channel: form.channel,
        description: form.description,
        ...(form.categoryId ? { categoryId: form.categoryId } : {}),
        ...(form.channel === 'WINDOW' && form.serviceWindowId ? { serviceWindowId: form.serviceWindowId } : {}),
      }),
    onSuccess: (record) => {
      notify('cg.service.accepted', { type: 'success' });
      void queryClient.invalidateQueries({ queryKey: serviceKeys.all });
      redirect(`/affairs/${record.id}`);
    },
    onError: (error) => notify(error.message, { type: 'error' }),
  });
  const submit = () => {
    if (resident) accept.mutate(resident.id);
  };

  return (
    <Card>
      <CardContent>
        <Stack direction="row" gap={1} alignItems="center" sx={{ mb: 2 }}>
          <TextField
            size="small"
            label={translate('cg.service.find_resident')}
            helperText={translate('cg.service.find_help')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void find();
            }}
            inputProps={{ 'data-testid': 'resident-search' }}
          />
          <Button variant="outlined" onClick={() => void find()} data-testid="resident-find">
            {translate('cg.service.find')}
          </Button>
        </Stack>
        {found &&
          !resident &&
          (found.length === 0 ? (
            <Typography color="text.secondary">{translate('cg.service.nobody')}</Typography>
          ) : (
            <Stack gap={0.5} sx={{ mb: 2 }}>
              {found.map((r) => (
                <Button
                  key={r.id}
                  variant="text"
                  sx={{ justifyContent: 'flex-start' }}
                  onClick={() => setResident(r)}
                  data-testid="resident-pick"
                >
                  {r.name} · {r.idNumber ?? ''} · {r.phone ?? ''} · {r.household?.address ?? ''}
                </Button>
              ))}
            </Stack>
          ))}
        {resident && (
          <Stack gap={2} sx={{ maxWidth: 560 }}>
            <Typography data-testid="resident-chosen">
              {translate('cg.service.for_resident', { name: resident.name })}
              <Button
                size="small"
                onClick={() => {
                  setResident(null);
                  setFound(null);
                }}
              >
                {translate('cg.service.change')}
              </Button>
            </Typography>
            <TextField
              select
              size="small"
              label={translate('cg.service.channel')}
              value={form.channel}
              onChange={(e) => setForm({ ...form, channel: e.target.value as AffairChannel })}
              inputProps={{ 'data-testid': 'accept-channel' }}
            >
              {['WINDOW', 'DOOR_VISIT', 'PHONE', 'ONLINE'].map((c) => (
                <MenuItem key={c} value={c}>
                  {translate(`cg.enums.AffairChannel.${c}`)}
                </MenuItem>
              ))}
            </TextField>
            {form.channel === 'WINDOW' && (
              <TextField
                select
                size="small"
                label={translate('cg.service.window')}
                value={form.serviceWindowId}
                onChange={(e) => setForm({ ...form, serviceWindowId: e.target.value })}
                helperText={translate('cg.service.window_help')}
                SelectProps={{ SelectDisplayProps: { 'data-testid': 'accept-window' } as never }}
              >
                <MenuItem value="">—</MenuItem>
                {(windows.data ?? []).map((w) => (
                  <MenuItem key={w.id} value={w.id} data-testid="accept-window-option">
                    {w.name}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <TextField
              select
              size="small"
              label={translate('cg.service.category')}
              value={form.categoryId}
              onChange={(e) => setForm({ ...form, categoryId: e.target.value })}
              SelectProps={{ SelectDisplayProps: { 'data-testid': 'accept-category' } as never }}
            >
              <MenuItem value="">—</MenuItem>
              {(categories.data ?? []).map((c) => (
                <MenuItem key={c.id} value={c.id} data-testid={`category-${c.code}`}>
                  {nameOf(c)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              size="small"
              multiline
              minRows={2}
              label={translate('cg.service.description')}
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
              inputProps={{ 'data-testid': 'accept-description' }}
            />
            <Box>
              <Button variant="contained" onClick={submit} disabled={!form.description.trim()} data-testid="accept-submit">
                {translate('cg.service.accept')}
              </Button>
            </Box>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
