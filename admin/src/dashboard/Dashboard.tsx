import { Box, Card, CardContent, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useLocaleState, useTranslate } from 'react-admin';
import { apiKeys, useApiDataProvider } from '../dataProvider/api';
import type { HomeFiguresQuery } from '../gql/graphql';
import { GapsPanel } from '../staffing/GapsPanel';
import { ServiceCounts } from '../service/ServiceCounts';

type Community = HomeFiguresQuery['communities']['items'][number];

const Figure = ({ label, value }: { label: string; value: number }) => (
  <Card sx={{ flex: '1 1 160px' }}>
    <CardContent>
      <Typography color="text.secondary" variant="body2">
        {label}
      </Typography>
      <Typography variant="h4" data-testid={`figure-${label}`}>
        {value.toLocaleString()}
      </Typography>
    </CardContent>
  </Card>
);

/** Home: the district's figures and residents per community. */
export const Dashboard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useApiDataProvider();
  const { data, error } = useQuery({ queryKey: apiKeys.homeFigures, queryFn: () => dataProvider.homeFigures() });
  if (error) return <Typography color="error">{error.message}</Typography>;
  if (!data) return <Loading />;
  const district = data.districts.items[0] ?? { communityCount: 0, gridCount: 0, householdCount: 0, residentCount: 0 };
  const communities = [...data.communities.items].sort((a, b) => b.residentCount - a.residentCount);
  const nameOf = (c: Community) => (locale.startsWith('zh') ? c.name : c.nameEn.replace(/ Community$/, ''));
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="cg.dashboard.title" />
      <Typography variant="h5" sx={{ mb: 2 }}>
        {translate('cg.dashboard.title')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        <Figure label={translate('cg.dashboard.communities')} value={district.communityCount} />
        <Figure label={translate('cg.dashboard.grids')} value={district.gridCount} />
        <Figure label={translate('cg.dashboard.households')} value={district.householdCount} />
        <Figure label={translate('cg.dashboard.residents')} value={district.residentCount} />
        <Figure label={translate('cg.dashboard.staff')} value={data.staffMembers.totalItems} />
      </Box>
      <ServiceCounts />
      <GapsPanel />
      <Card>
        <CardContent>
          <Typography variant="h6">{translate('cg.dashboard.residents_per_community')}</Typography>
          <BarChart
            height={360}
            layout="horizontal"
            yAxis={[{ scaleType: 'band', data: communities.map(nameOf), width: 170 }]}
            series={[{ data: communities.map((c) => c.residentCount), label: translate('cg.dashboard.residents') }]}
          />
        </CardContent>
      </Card>
    </Box>
  );
};
