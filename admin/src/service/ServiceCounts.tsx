import { Box, Card, CardContent, Typography } from '@mui/material';
import { Link, useCanAccess, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { useApiDataProvider } from '../dataProvider/api';
import { serviceKeys } from './queries';

/** Home dashboard: open, overdue and resolved-this-week affairs in the caller's reach. */
export const ServiceCounts = () => {
  const translate = useTranslate();
  const canRead = useCanAccess({ resource: 'affairs', action: 'list' }).canAccess === true;
  const dataProvider = useApiDataProvider();
  const { data: counts } = useQuery({ queryKey: serviceKeys.counts, queryFn: () => dataProvider.affairCounts(), retry: false });
  if (!counts) return null;
  const figures = ['open', 'overdue', 'dueSoon', 'resolvedThisWeek', 'toClassify'] as const;
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }} data-testid="service-counts">
      {figures.map((key) => (
        <Card key={key} sx={{ flex: '1 1 140px' }}>
          <CardContent>
            <Typography color="text.secondary" variant="body2">
              {translate(`cg.service.counts.${key}`)}
            </Typography>
            <Typography
              variant="h4"
              color={key === 'overdue' && counts.overdue > 0 ? 'error' : undefined}
              data-testid={`service-count-${key}`}
            >
              {counts[key].toLocaleString()}
            </Typography>
            {canRead && key === 'open' && <Link to="/service">{translate('cg.service.to_worklists')}</Link>}
          </CardContent>
        </Card>
      ))}
    </Box>
  );
};
