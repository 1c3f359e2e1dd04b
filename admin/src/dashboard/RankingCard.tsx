import { useTranslate } from 'react-admin';
import { HorizontalBarChart } from './charts/HorizontalBarChart.tsx';
import { type CardQuery, DashboardCard, NoData } from './DashboardCard.tsx';
import type { PointRankingData } from './queries.ts';

/** The ten party members with the most points this year (ties share a rank). */
export const RankingCard = ({ query, year }: { query: CardQuery<PointRankingData>; year: number }) => {
  const translate = useTranslate();
  return (
    <DashboardCard
      testId="chart-ranking"
      title="wishgrid.dashboard.ranking"
      titleArgs={{ year }}
      subtitle="wishgrid.dashboard.rankingHint"
      query={query}
    >
      {({ pointRanking: rows }, title) =>
        rows.length === 0 ? (
          <NoData message="wishgrid.dashboard.noRanking" />
        ) : (
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
        )
      }
    </DashboardCard>
  );
};
