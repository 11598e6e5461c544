import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { QueryFn } from '../dataProvider';
import { Token, TOKEN_FIELDS, TokenTable } from './TokenTable';

/** My API tokens: make one for a script (shown once), see when each was last used, revoke. */
export const TokensPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider() as unknown as { query: QueryFn };
  const [tokens, setTokens] = useState<Token[]>([]);
  const [name, setName] = useState('');
  const [days, setDays] = useState(90);
  const [created, setCreated] = useState<string | null>(null);
  const reload = useCallback(async () => {
    setTokens((await dataProvider.query(`{ apiTokens { ${TOKEN_FIELDS} } }`)).apiTokens);
  }, [dataProvider]);
  useEffect(() => { void reload(); }, [reload]);
  const run = async (query: string, variables: Record<string, unknown>) => {
    try {
      return await dataProvider.query(query, variables);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      return null;
    } finally {
      await reload();
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="cg.tokens.title" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>{translate('cg.tokens.explain')}</Typography>
        <Stack direction="row" gap={2} alignItems="center" sx={{ mb: 2 }}>
          <TextField size="small" label={translate('cg.tokens.name')} value={name} onChange={(e) => setName(e.target.value)} />
          <TextField size="small" type="number" label={translate('cg.tokens.days')} value={days} onChange={(e) => setDays(Number(e.target.value))} sx={{ width: 140 }} />
          <Button variant="contained" disabled={!name.trim()} onClick={async () => {
            const result = await run('mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }', { input: { name, expiresInDays: days } });
            if (result) { setCreated(result.createApiToken.token); setName(''); }
          }}>{translate('cg.tokens.create')}</Button>
        </Stack>
        {created && <Alert severity="warning" sx={{ mb: 2 }} onClose={() => setCreated(null)}>
          {translate('cg.tokens.shown_once')} <code data-testid="new-token">{created}</code>
        </Alert>}
        <TokenTable tokens={tokens} onRevoke={(token) => run('mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', { id: token.id })} />
      </CardContent>
    </Card>
  );
};
