import { Alert, Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { QueryFn } from '../dataProvider';

interface Token { id: string; name: string; prefix: string; createdAt: string; expiresAt: string; revokedAt: string | null; lastUsedAt: string | null }

/** My API tokens: make one for a script (shown once), see when each was last used, revoke. */
export const TokensPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider() as unknown as { query: QueryFn };
  const [tokens, setTokens] = useState<Token[]>([]);
  const [name, setName] = useState('');
  const [days, setDays] = useState(90);
  const [created, setCreated] = useState<string | null>(null);
  const reload = useCallback(async () => {
    setTokens((await dataProvider.query('{ apiTokens { id name prefix createdAt expiresAt revokedAt lastUsedAt } }')).apiTokens);
  }, [dataProvider]);
  useEffect(() => { void reload(); }, [reload]);
  const when = (value: string | null) => (value ? new Date(value).toLocaleString(locale) : '—');
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
        <Table size="small">
          <TableHead>
            <TableRow>
              {['name', 'prefix', 'created', 'expires', 'last_used', 'revoked', ''].map((key) => <TableCell key={key}>{key && translate(`cg.tokens.${key}`)}</TableCell>)}
            </TableRow>
          </TableHead>
          <TableBody>
            {tokens.map((token) => (
              <TableRow key={token.id}>
                <TableCell>{token.name}</TableCell>
                <TableCell><code>{token.prefix}…</code></TableCell>
                <TableCell>{when(token.createdAt)}</TableCell>
                <TableCell>{when(token.expiresAt)}</TableCell>
                <TableCell>{when(token.lastUsedAt)}</TableCell>
                <TableCell>{when(token.revokedAt)}</TableCell>
                <TableCell>{!token.revokedAt && <Button color="error" size="small"
                  onClick={() => run('mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', { id: token.id })}>{translate('cg.tokens.revoke')}</Button>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};
