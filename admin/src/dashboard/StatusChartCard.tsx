import { useTranslate } from 'react-admin';
import { statusBars } from './aggregate.ts';
import { BarChart } from './charts/BarChart.tsx';
import { type CardQuery, DashboardCard } from './DashboardCard.tsx';
import type { WishStatsData } from './queries.ts';

export const StatusChartCard = ({ query }: { query: CardQuery<WishStatsData> }) => {
  const translate = useTranslate();
  return (
    <DashboardCard
      testId="chart-status"
      title="wishgrid.dashboard.byStatus"
      subtitle="wishgrid.dashboard.byStatusHint"
      query={query}
    >
      {({ wishStats }, title) => (
        <BarChart
          title={title}
          height={248}
          data={statusBars(wishStats.byStatus, (s) => translate(`wishgrid.status.${s}`))}
        />
      )}
    </DashboardCard>
  );
};
