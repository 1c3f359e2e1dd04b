import { useLocaleState, useTranslate } from 'react-admin';
import { monthlySeries, SERIES_COLORS } from './aggregate.ts';
import { LineChart } from './charts/LineChart.tsx';
import { type CardQuery, DashboardCard } from './DashboardCard.tsx';
import type { ParticipationData } from './queries.ts';

interface Props {
  query: CardQuery<ParticipationData>;
  year: number;
  /** The last month to draw (the current one for the current year) */
  throughMonth: number;
}

const monthName = (month: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));

/** Attendances (every check-in) and unique people per month of the year. */
export const ParticipationCard = ({ query, year, throughMonth }: Props) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <DashboardCard
      testId="chart-participation"
      title="wishgrid.dashboard.participation"
      titleArgs={{ year }}
      subtitle="wishgrid.dashboard.participationHint"
      subtitleArgs={({ activityParticipation: data }) => ({
        activities: data.activities.toLocaleString(locale),
        attendances: data.attendances.toLocaleString(locale),
        people: data.uniqueParticipants.toLocaleString(locale),
        hours: Math.round(data.hoursServed).toLocaleString(locale),
      })}
      query={query}
    >
      {({ activityParticipation: data }, title) => {
        const series = monthlySeries(data.byMonth, throughMonth);
        return (
          <LineChart
            title={title}
            height={210}
            labels={series.months.map((m) => monthName(m, locale))}
            series={(['attendances', 'uniqueParticipants'] as const).map((key) => ({
              key,
              label: translate(`wishgrid.dashboard.${key}`),
              color: SERIES_COLORS[key],
              values: series[key],
            }))}
          />
        );
      }}
    </DashboardCard>
  );
};
