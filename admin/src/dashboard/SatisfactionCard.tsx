import { Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatPercent, formatRating, SERIES_COLORS } from './aggregate.ts';
import { Meter } from './charts/Meter.tsx';
import { KpiCard } from './KpiCard.tsx';
import type { WishStatsData } from './queries.ts';

const GOLD = '#f59e0b';

interface Props {
  stats: WishStatsData['wishStats'] | undefined;
  period: string;
}

/** The average rating out of five and the share of evaluations that reopened the wish. */
export const SatisfactionCard = ({ stats, period }: Props) => {
  const translate = useTranslate();
  const rated = (stats?.ratedCount ?? 0) > 0;
  const rating = translate('wishgrid.dashboard.averageRating', { rating: formatRating(stats?.averageRating) });
  const reopened = translate('wishgrid.dashboard.reopenedShare', { share: formatPercent(stats?.reopenedShare) });
  return (
    <KpiCard
      testId="kpi-satisfaction"
      title={translate('wishgrid.dashboard.satisfaction')}
      value={stats ? formatRating(stats.averageRating) : null}
      unit="/ 5"
      accent={GOLD}
      hint={
        stats
          ? rated
            ? translate('wishgrid.dashboard.satisfactionHint', { period, count: stats.ratedCount })
            : translate('wishgrid.dashboard.noRatings', { period })
          : undefined
      }
    >
      {stats && rated && (
        <Stack spacing={0.5} sx={{ mt: 0.5 }}>
          <Meter value={(stats.averageRating ?? 0) / 5} label={rating} color={GOLD} />
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {reopened}
          </Typography>
          <Meter value={stats.reopenedShare} label={reopened} color={SERIES_COLORS.overdue} />
        </Stack>
      )}
    </KpiCard>
  );
};
