import { formatRating, formatShare, type PeriodStats } from './counts.ts';
import { t } from './translate.ts';

/** This month's evaluations: the average rating and how many reopened the wish. */
export const SatisfactionPanel = ({ month }: { month: PeriodStats | undefined }) => {
  const rating = formatRating(month?.averageRating);
  const reopened = formatShare(month?.reopenedShare);
  return (
    <section className="panel satisfaction" aria-labelledby="satisfaction-title">
      <h2 className="panel__title" id="satisfaction-title">
        {t('satisfaction.title')}
      </h2>
      {month && rating === null ? (
        <p className="panel__empty">{t('satisfaction.none')}</p>
      ) : (
        <div className="satisfaction__figures">
          <div>
            <span className="satisfaction__label">{t('satisfaction.average')}</span>
            <span className="satisfaction__value" data-testid="average-rating">
              {rating ?? '–'}
              <small>{t('satisfaction.outOf')}</small>
            </span>
            <span className="satisfaction__note">{t('satisfaction.rated', { count: month?.ratedCount ?? 0 })}</span>
          </div>
          <div>
            <span className="satisfaction__label">{t('satisfaction.reopened')}</span>
            <span className="satisfaction__value">{reopened ?? '–'}</span>
          </div>
        </div>
      )}
    </section>
  );
};
