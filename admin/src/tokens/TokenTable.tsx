import { Button, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

import type { TokenFieldsFragment } from '../gql/graphql';

export type Token = TokenFieldsFragment;

/** API tokens with when each was made, expires and was last used; active ones can be revoked. */
export const TokenTable = ({ tokens, onRevoke }: { tokens: Token[]; onRevoke: (token: Token) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = (value: string | null) => (value ? new Date(value).toLocaleString(locale) : '—');
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {['name', 'prefix', 'created', 'expires', 'last_used', 'revoked', ''].map((key) => (
            <TableCell key={key}>{key && translate(`cg.tokens.${key}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {tokens.map((token) => (
          <TableRow key={token.id}>
            <TableCell>{token.name}</TableCell>
            <TableCell>
              <code>{token.prefix}…</code>
            </TableCell>
            <TableCell>{when(token.createdAt)}</TableCell>
            <TableCell>{when(token.expiresAt)}</TableCell>
            <TableCell>{when(token.lastUsedAt)}</TableCell>
            <TableCell>{when(token.revokedAt)}</TableCell>
            <TableCell>
              {!token.revokedAt && (
                <Button color="error" size="small" onClick={() => onRevoke(token)}>
                  {translate('cg.tokens.revoke')}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
