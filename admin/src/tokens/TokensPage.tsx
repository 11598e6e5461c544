import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { apiKeys, useApiDataProvider } from '../dataProvider/api';
import { Token, TokenTable } from './TokenTable';

/** My API tokens: make one for a script (shown once), see when each was last used, revoke. */
export const TokensPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useApiDataProvider();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState(90);
  const [created, setCreated] = useState<string | null>(null);
  const { data: tokens = [] } = useQuery({ queryKey: apiKeys.apiTokens, queryFn: () => dataProvider.apiTokens() });
  // Whatever a write did, the list is read again.
  const settled = {
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeys.apiTokens }),
  };
  const create = useMutation({
    mutationFn: () => dataProvider.createApiToken({ name, expiresInDays: days }),
    onSuccess: ({ token }) => {
      setCreated(token);
      setName('');
    },
    ...settled,
  });
  const revoke = useMutation({ mutationFn: (token: Token) => dataProvider.revokeApiToken(token.id), ...settled });

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="cg.tokens.title" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('cg.tokens.explain')}
        </Typography>
        <Stack direction="row" gap={2} alignItems="center" sx={{ mb: 2 }}>
          <TextField size="small" label={translate('cg.tokens.name')} value={name} onChange={(e) => setName(e.target.value)} />
          <TextField
            size="small"
            type="number"
            label={translate('cg.tokens.days')}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
            sx={{ width: 140 }}
          />
          <Button variant="contained" disabled={!name.trim() || create.isPending} onClick={() => create.mutate()}>
            {translate('cg.tokens.create')}
          </Button>
        </Stack>
        {created && (
          <Alert severity="warning" sx={{ mb: 2 }} onClose={() => setCreated(null)}>
            {translate('cg.tokens.shown_once')} <code data-testid="new-token">{created}</code>
          </Alert>
        )}
        <TokenTable tokens={tokens} onRevoke={(token) => revoke.mutate(token)} />
      </CardContent>
    </Card>
  );
};
