import { Box, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNotify, useRecordContext, useTranslate } from 'react-admin';
import { apiKeys, useApiDataProvider } from '../dataProvider/api';
import { Token, TokenTable } from '../tokens/TokenTable';

/** An account's API tokens, for administrators: see them and revoke any (recorded in the audit trail). */
export const AccountTokens = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useApiDataProvider();
  const queryClient = useQueryClient();
  const accountId = record?.id === undefined ? null : String(record.id);
  const { data: tokens } = useQuery({
    queryKey: apiKeys.accountApiTokens(accountId ?? ''),
    queryFn: () => dataProvider.accountApiTokens(accountId!),
    enabled: accountId !== null,
  });
  const revoke = useMutation({
    mutationFn: (token: Token) => dataProvider.revokeAccountApiToken(token.id),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeys.accountApiTokens(accountId ?? '') }),
  });
  if (!record || !tokens) return null;
  return (
    <Box sx={{ mt: 2, width: '100%' }} data-testid="account-tokens">
      <Typography variant="h6">{translate('cg.accounts.tokens')}</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('cg.accounts.tokens_explain')}
      </Typography>
      {tokens.length ? (
        <TokenTable tokens={tokens} onRevoke={(token) => revoke.mutate(token)} />
      ) : (
        <Typography variant="body2">{translate('cg.accounts.no_tokens')}</Typography>
      )}
    </Box>
  );
};
