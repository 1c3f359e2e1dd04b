import { useTranslate } from 'react-admin';
import { formatPercent, openCount, SERIES_COLORS, share } from './aggregate.ts';
import { Meter } from './charts/Meter.tsx';
import { KpiCard } from './KpiCard.tsx';
import type { WishStatsData } from './queries.ts';

/** Open wishes past their due date, and their share of the open ones. */
export const OverdueCard = ({ stats }: { stats: WishStatsData['wishStats'] | undefined }) => {
  const translate = useTranslate();
  const overdueShare = stats ? share(stats.overdue, openCount(stats.byStatus)) : null;
  const hint = translate('wishgrid.dashboard.overdueHint', { share: formatPercent(overdueShare) });
  return (
    <KpiCard
      testId="kpi-overdue"
      title={translate('wishgrid.dashboard.overdue')}
      value={stats ? String(stats.overdue) : null}
      hint={stats ? hint : undefined}
      accent={SERIES_COLORS.overdue}
    >
      {stats && <Meter value={overdueShare} label={hint} color={SERIES_COLORS.overdue} />}
    </KpiCard>
  );
};
