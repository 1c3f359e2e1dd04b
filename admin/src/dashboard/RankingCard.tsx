import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { HorizontalBarChart } from './charts/HorizontalBarChart.tsx';
import { DashboardCard } from './DashboardCard.tsx';
import type { PointRankingData } from './queries.ts';

interface Props {
  rows: PointRankingData['pointRanking'] | undefined;
  year: number;
  pending: boolean;
  error: unknown;
}

/** The ten party members with the most points this year (ties share a rank). */
export const RankingCard = ({ rows, year, pending, error }: Props) => {
  const translate = useTranslate();
  const title = translate('wishgrid.dashboard.ranking', { year });
  return (
    <DashboardCard
      testId="chart-ranking"
      title={title}
      subtitle={translate('wishgrid.dashboard.rankingHint')}
      pending={pending}
      error={error}
    >
      {rows && rows.length === 0 && (
        <Typography sx={{ color: 'text.secondary' }}>{translate('wishgrid.dashboard.noRanking')}</Typography>
      )}
      {rows && rows.length > 0 && (
        <HorizontalBarChart
          title={title}
          color="#c62828"
          rowHeight={25}
          rows={rows.map((row) => ({
            key: row.member.id,
            label: translate('wishgrid.dashboard.rankingRow', { rank: row.rank, name: row.member.displayName }),
            value: row.total,
          }))}
        />
      )}
    </DashboardCard>
  );
};
