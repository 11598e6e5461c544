import { Box, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { QueryFn } from '../dataProvider';
import { Token, TOKEN_FIELDS, TokenTable } from '../tokens/TokenTable';

/** An account's API tokens, for administrators: see them and revoke any (recorded in the audit trail). */
export const AccountTokens = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider() as unknown as { query: QueryFn };
  const [tokens, setTokens] = useState<Token[] | null>(null);
  const accountId = record?.id;
  const reload = useCallback(async () => {
    if (accountId === undefined) return;
    const data = await dataProvider.query(`query ($id: ID!) { accountApiTokens(accountId: $id) { ${TOKEN_FIELDS} } }`, { id: accountId });
    setTokens(data.accountApiTokens);
  }, [dataProvider, accountId]);
  useEffect(() => { void reload(); }, [reload]);
  if (!record || !tokens) return null;
  const revoke = async (token: Token) => {
    try {
      await dataProvider.query('mutation ($id: ID!) { revokeAccountApiToken(id: $id) { id } }', { id: token.id });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
    await reload();
  };
  return (
    <Box sx={{ mt: 2, width: '100%' }} data-testid="account-tokens">
      <Typography variant="h6">{translate('cg.accounts.tokens')}</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>{translate('cg.accounts.tokens_explain')}</Typography>
      {tokens.length ? <TokenTable tokens={tokens} onRevoke={revoke} /> : <Typography variant="body2">{translate('cg.accounts.no_tokens')}</Typography>}
    </Box>
  );
};
