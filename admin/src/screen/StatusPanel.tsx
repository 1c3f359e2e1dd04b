import { openNow, type PeriodStats, statusRows } from './counts.ts';
import { t } from './translate.ts';

interface Props {
  today: PeriodStats | undefined;
  week: PeriodStats | undefined;
}

/** Status changes today and this week, one row per state; what is open and overdue right now. */
export const StatusPanel = ({ today, week }: Props) => (
  <section className="panel counts" aria-labelledby="counts-title">
    <h2 className="panel__title" id="counts-title">
      {t('counts.title')}
      <span className="panel__note">{t('counts.unit')}</span>
    </h2>
    <table className="counts__table">
      <thead>
        <tr>
          <th scope="col">{t('counts.status')}</th>
          <th scope="col">{t('counts.today')}</th>
          <th scope="col">{t('counts.week')}</th>
        </tr>
      </thead>
      <tbody>
        {statusRows(today, week).map((row) => (
          <tr key={row.status} className={`status--${row.status}`} data-testid={`count-${row.status}`}>
            <th scope="row">
              <span className="status-dot" aria-hidden="true" />
              {t(`status.${row.status}`)}
            </th>
            <td className="counts__today">{today ? row.today : '–'}</td>
            <td className="counts__week">{week ? row.week : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <div className="counts__now">
      <div>
        <span className="counts__label">{t('counts.openNow')}</span>
        <span className="counts__big" data-testid="open-now">
          {today ? openNow(today) : '–'}
        </span>
      </div>
      <div className={today && today.overdue > 0 ? 'counts__overdue' : undefined}>
        <span className="counts__label">{t('counts.overdue')}</span>
        <span className="counts__big">{today ? today.overdue : '–'}</span>
      </div>
    </div>
  </section>
);
