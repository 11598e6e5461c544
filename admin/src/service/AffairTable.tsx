import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useLocalizedName } from '../common';

export interface AffairRow {
  id: string;
  status: string;
  acceptedOn: string;
  dueOn: string | null;
  overdue: boolean;
  escalationLevel: number;
  channel: string;
  description: string;
  routeReason: string | null;
  category: { id: string; name: string; nameEn: string } | null;
  community: { id: string; name: string; nameEn: string } | null;
  assignee: { id: string; name: string } | null;
  resident: { id: string; name: string } | null;
  household: { id: string; address: string } | null;
}

/** A worklist: each affair links to its page, where it is handled. */
export const AffairTable = ({ rows, testId }: { rows: AffairRow[]; testId: string }) => {
  const translate = useTranslate();
  const nameOf = useLocalizedName();
  if (!rows.length)
    return (
      <Typography color="text.secondary" data-testid={`${testId}-empty`}>
        {translate('cg.service.empty')}
      </Typography>
    );
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('cg.service.accepted_on')}</TableCell>
          <TableCell>{translate('cg.service.who')}</TableCell>
          <TableCell>{translate('cg.service.description')}</TableCell>
          <TableCell>{translate('cg.service.category')}</TableCell>
          <TableCell>{translate('cg.service.status')}</TableCell>
          <TableCell>{translate('cg.service.assignee')}</TableCell>
          <TableCell>{translate('cg.service.due_on')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} hover>
            <TableCell>{row.acceptedOn}</TableCell>
            <TableCell>{row.resident?.name ?? row.household?.address ?? ''}</TableCell>
            <TableCell>
              <Link to={`/affairs/${row.id}`} data-testid="affair-link">
                {row.description}
              </Link>
            </TableCell>
            <TableCell>{row.category ? nameOf(row.category) : '—'}</TableCell>
            <TableCell>{translate(`cg.enums.AffairStatus.${row.status}`)}</TableCell>
            <TableCell>{row.assignee?.name ?? (row.routeReason === 'DISTRICT' ? translate('cg.service.district') : '—')}</TableCell>
            <TableCell>
              {row.dueOn ?? '—'}
              {row.overdue && <Chip size="small" color="error" sx={{ ml: 1 }} label={translate('cg.service.overdue')} />}
              {row.escalationLevel > 0 && (
                <Chip
                  size="small"
                  color="warning"
                  sx={{ ml: 1 }}
                  label={translate('cg.service.escalated', { level: row.escalationLevel })}
                />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
