import { useTranslate } from 'react-admin';
import { useLocalName } from '../common/names.tsx';
import { communityGroups, SERIES_COLORS } from './aggregate.ts';
import { GroupedBarChart } from './charts/GroupedBarChart.tsx';
import { type CardQuery, DashboardCard, NoData } from './DashboardCard.tsx';
import type { WishStatsData } from './queries.ts';

/** Open, closed and overdue wishes side by side for each community, by name. */
export const CommunityChartCard = ({ query }: { query: CardQuery<WishStatsData> }) => {
  const translate = useTranslate();
  const name = useLocalName();
  const series = (['open', 'closed', 'overdue'] as const).map((key) => ({
    key,
    label: translate(`wishgrid.dashboard.${key === 'overdue' ? 'overdueSeries' : key}`),
    color: SERIES_COLORS[key],
  }));
  return (
    <DashboardCard
      testId="chart-community"
      title="wishgrid.dashboard.byCommunity"
      subtitle="wishgrid.dashboard.byCommunityHint"
      query={query}
    >
      {({ wishStats }, title) => {
        const groups = communityGroups(wishStats.byCommunity, name);
        if (groups.categories.length === 0) return <NoData message="wishgrid.dashboard.noData" />;
        return (
          <GroupedBarChart
            title={title}
            height={220}
            categories={groups.categories}
            values={groups.values}
            series={series}
          />
        );
      }}
    </DashboardCard>
  );
};
