import { useTranslate } from 'react-admin';
import { openCount, SERIES_COLORS } from './aggregate.ts';
import { KpiCard } from './KpiCard.tsx';
import type { WishStatsData } from './queries.ts';

export const OpenWishesCard = ({ stats }: { stats: WishStatsData['wishStats'] | undefined }) => {
  const translate = useTranslate();
  return (
    <KpiCard
      testId="kpi-open"
      title={translate('wishgrid.dashboard.openNow')}
      value={stats ? String(openCount(stats.byStatus)) : null}
      hint={stats ? translate('wishgrid.dashboard.openNowHint', { total: stats.total }) : undefined}
      accent={SERIES_COLORS.open}
    />
  );
};
