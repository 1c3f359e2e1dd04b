import { useTranslate } from 'react-admin';
import { statusBars } from './aggregate.ts';
import { BarChart } from './charts/BarChart.tsx';
import { DashboardCard } from './DashboardCard.tsx';
import type { WishStatsData } from './queries.ts';

interface Props {
  stats: WishStatsData['wishStats'] | undefined;
  pending: boolean;
  error: unknown;
}

export const StatusChartCard = ({ stats, pending, error }: Props) => {
  const translate = useTranslate();
  const title = translate('wishgrid.dashboard.byStatus');
  return (
    <DashboardCard
      testId="chart-status"
      title={title}
      subtitle={translate('wishgrid.dashboard.byStatusHint')}
      pending={pending}
      error={error}
    >
      {stats && (
        <BarChart
          title={title}
          height={248}
          data={statusBars(stats.byStatus, (s) => translate(`wishgrid.status.${s}`))}
        />
      )}
    </DashboardCard>
  );
};
