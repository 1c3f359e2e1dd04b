import { activityTime, localName } from './format.ts';
import { locale, t } from './translate.ts';
import type { BoardActivity } from './use-board.ts';

/** The next few activities organised in the unit's subtree. */
export const ActivitiesPanel = ({ activities }: { activities: BoardActivity[] | undefined }) => (
  <section className="panel activities" aria-labelledby="activities-title">
    <h2 className="panel__title" id="activities-title">
      {t('activities.title')}
    </h2>
    {activities && activities.length === 0 && <p className="panel__empty">{t('activities.none')}</p>}
    <ul className="activities__list">
      {activities?.map((activity) => (
        <li key={activity.id} className="activities__item" data-testid="screen-activity">
          <span className="activities__title">{activity.title}</span>
          <span className="activities__when">
            {activityTime(activity.startsAt, t)} · {activity.place}
          </span>
          <span className="activities__meta">
            {localName(activity.organizer, locale)} ·{' '}
            {t('activities.signedUp', { count: activity.signedUpCount, capacity: activity.capacity })}
          </span>
        </li>
      ))}
    </ul>
  </section>
);
