import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useLocalName } from '../common/names.tsx';
import { communityGroups, SERIES_COLORS } from './aggregate.ts';
import { GroupedBarChart } from './charts/GroupedBarChart.tsx';
import { DashboardCard } from './DashboardCard.tsx';
import type { WishStatsData } from './queries.ts';

interface Props {
  stats: WishStatsData['wishStats'] | undefined;
  pending: boolean;
  error: unknown;
}

/** Open, closed and overdue wishes side by side for each community, by name. */
export const CommunityChartCard = ({ stats, pending, error }: Props) => {
  const translate = useTranslate();
  const name = useLocalName();
  const title = translate('wishgrid.dashboard.byCommunity');
  const groups = stats ? communityGroups(stats.byCommunity, name) : null;
  return (
    <DashboardCard
      testId="chart-community"
      title={title}
      subtitle={translate('wishgrid.dashboard.byCommunityHint')}
      pending={pending}
      error={error}
    >
      {groups && groups.categories.length === 0 && (
        <Typography sx={{ color: 'text.secondary' }}>{translate('wishgrid.dashboard.noData')}</Typography>
      )}
      {groups && groups.categories.length > 0 && (
        <GroupedBarChart
          title={title}
          height={220}
          categories={groups.categories}
          values={groups.values}
          series={[
            { key: 'open', label: translate('wishgrid.dashboard.open'), color: SERIES_COLORS.open },
            { key: 'closed', label: translate('wishgrid.dashboard.closed'), color: SERIES_COLORS.closed },
            { key: 'overdue', label: translate('wishgrid.dashboard.overdueSeries'), color: SERIES_COLORS.overdue },
          ]}
        />
      )}
    </DashboardCard>
  );
};
