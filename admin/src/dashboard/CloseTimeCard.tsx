import { useTranslate } from 'react-admin';
import { closeTime } from './aggregate.ts';
import { KpiCard } from './KpiCard.tsx';
import type { WishStatsData } from './queries.ts';

interface Props {
  stats: WishStatsData['wishStats'] | undefined;
  /** "本年", "this year" … as it reads inside a sentence */
  period: string;
}

export const CloseTimeCard = ({ stats, period }: Props) => {
  const translate = useTranslate();
  const time = closeTime(stats?.averageHoursToClose);
  return (
    <KpiCard
      testId="kpi-close-time"
      title={translate('wishgrid.dashboard.closeTime')}
      value={stats ? (time?.value ?? '–') : null}
      unit={time ? translate(`wishgrid.dashboard.${time.unit}`) : undefined}
      hint={translate('wishgrid.dashboard.closeTimeHint', { period })}
      accent="#14b8a6"
    />
  );
};
