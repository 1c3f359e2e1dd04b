import { useLocaleState, useTranslate } from 'react-admin';
import { monthlySeries, SERIES_COLORS } from './aggregate.ts';
import { LineChart } from './charts/LineChart.tsx';
import { DashboardCard } from './DashboardCard.tsx';
import type { ParticipationData } from './queries.ts';

interface Props {
  data: ParticipationData['activityParticipation'] | undefined;
  year: number;
  /** The last month to draw (the current one for the current year) */
  throughMonth: number;
  pending: boolean;
  error: unknown;
}

const monthName = (month: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));

/** Attendances (every check-in) and unique people per month of the year. */
export const ParticipationCard = ({ data, year, throughMonth, pending, error }: Props) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const title = translate('wishgrid.dashboard.participation', { year });
  const series = data ? monthlySeries(data.byMonth, throughMonth) : null;
  return (
    <DashboardCard
      testId="chart-participation"
      title={title}
      subtitle={
        data
          ? translate('wishgrid.dashboard.participationHint', {
              activities: data.activities.toLocaleString(locale),
              attendances: data.attendances.toLocaleString(locale),
              people: data.uniqueParticipants.toLocaleString(locale),
              hours: Math.round(data.hoursServed).toLocaleString(locale),
            })
          : undefined
      }
      pending={pending}
      error={error}
    >
      {series && (
        <LineChart
          title={title}
          height={210}
          labels={series.months.map((m) => monthName(m, locale))}
          series={[
            {
              key: 'attendances',
              label: translate('wishgrid.dashboard.attendances'),
              color: SERIES_COLORS.attendances,
              values: series.attendances,
            },
            {
              key: 'uniqueParticipants',
              label: translate('wishgrid.dashboard.uniqueParticipants'),
              color: SERIES_COLORS.uniqueParticipants,
              values: series.uniqueParticipants,
            },
          ]}
        />
      )}
    </DashboardCard>
  );
};
