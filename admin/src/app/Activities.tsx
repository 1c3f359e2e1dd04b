/** The month's theme and the activities from the start of the month on, with sign up / cancel; the person's own first. */
import { useState } from 'react';
import type { AppActivitiesQuery } from '../gql/graphql.ts';
import { call } from './api.ts';
import { APP_ACTIVITIES, APP_CANCEL_SIGN_UP, APP_SIGN_UP } from './documents.ts';
import { useAction, useApp, useRead } from './hooks.ts';
import { Feedback, formatDate, Loading, localName } from './ui.tsx';

type Activity = AppActivitiesQuery['activities']['edges'][number]['node'];

/** The year, month and first instant of the current month in street time (China Standard Time, UTC+8). */
function streetMonth(now = new Date()): { year: number; month: number; from: string } {
  const street = new Date(now.getTime() + 8 * 3600_000);
  const year = street.getUTCFullYear();
  const month = street.getUTCMonth() + 1;
  const from = new Date(Date.UTC(year, month - 1, 1) - 8 * 3600_000).toISOString();
  return { year, month, from };
}

export function Activities() {
  const { t, locale } = useApp();
  const [period] = useState(streetMonth);
  const { data, failed, reload } = useRead(APP_ACTIVITIES, { year: period.year, from: period.from });
  if (!data) return <Loading failed={failed} onRetry={reload} />;
  const theme = data.monthlyThemes.find((th) => th.month === period.month);
  const activities = data.activities.edges.map((edge) => edge.node);
  const mine = activities.filter((a) => a.mySignUp === 'SIGNED_UP');
  const others = activities.filter((a) => a.mySignUp !== 'SIGNED_UP');
  return (
    <section aria-labelledby="activities">
      <h1 id="activities">{t('tab.activities')}</h1>
      <div className="panel theme">
        <h2>{t('activities.theme')}</h2>
        {theme ? (
          <>
            <p className="theme-title">{theme.title}</p>
            {theme.brand && <p className="muted">{localName(locale, theme.brand)}</p>}
            {theme.description && <p>{theme.description}</p>}
          </>
        ) : (
          <p className="muted">{t('activities.noTheme')}</p>
        )}
      </div>
      <h2>{t('activities.mine')}</h2>
      {mine.length === 0 ? (
        <p className="empty">{t('activities.mineEmpty')}</p>
      ) : (
        <ul className="cards" data-testid="my-activities">
          {mine.map((a) => (
            <ActivityCard key={a.id} activity={a} onChange={reload} />
          ))}
        </ul>
      )}
      <h2>{t('activities.upcoming')}</h2>
      {others.length === 0 ? (
        <p className="empty">{t('activities.empty')}</p>
      ) : (
        <ul className="cards" data-testid="other-activities">
          {others.map((a) => (
            <ActivityCard key={a.id} activity={a} onChange={reload} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ActivityCard({ activity, onChange }: { activity: Activity; onChange: () => void }) {
  const { t, locale } = useApp();
  const { state, run } = useAction();
  const signedUp = activity.mySignUp === 'SIGNED_UP';
  const started = new Date(activity.startsAt).getTime() <= Date.now();
  const toggle = async () => {
    const input = { activityId: activity.id };
    const done = await run<unknown>(() =>
      signedUp ? call(APP_CANCEL_SIGN_UP, { input }) : call(APP_SIGN_UP, { input }),
    );
    if (done) onChange();
  };
  return (
    <li className="card static" data-activity={activity.id}>
      <span className="card-top">
        <span className="card-title">{activity.title}</span>
        {signedUp && <span className="badge status-ACCEPTED">{t('activities.signedUp')}</span>}
      </span>
      <span className="card-meta">
        {formatDate(locale, activity.startsAt)} · {activity.place}
      </span>
      <span className="card-meta">
        {localName(locale, activity.organizer)}
        {activity.pointsPerParticipant > 0
          ? ` · ${t('activities.points', { count: activity.pointsPerParticipant })}`
          : ''}
      </span>
      {activity.status !== 'PLANNED' ? (
        <span className="muted">{t(`activities.${activity.status}`)}</span>
      ) : (
        !started && (
          <>
            <span className="card-meta">
              {activity.placesLeft > 0 ? t('activities.places', { count: activity.placesLeft }) : t('activities.full')}
            </span>
            {(signedUp || activity.placesLeft > 0) && (
              <button
                type="button"
                className={signedUp ? 'button secondary' : 'button primary'}
                disabled={state.kind === 'pending'}
                onClick={toggle}
              >
                {state.kind === 'pending'
                  ? t('app.pending')
                  : signedUp
                    ? t('activities.cancelSignUp')
                    : t('activities.signUp')}
              </button>
            )}
            <Feedback state={state} />
          </>
        )
      )}
    </li>
  );
}
