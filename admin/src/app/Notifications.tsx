/** The person's notifications, newest first; tapping one opens its wish or activity and marks it read. */
import { useEffect } from 'react';
import { call } from './api.ts';
import { APP_MARK_READ, APP_NOTIFICATIONS } from './documents.ts';
import { go, useAction, useApp, useRead } from './hooks.ts';
import { appLive } from './live.ts';
import { Feedback, formatDate, Loading } from './ui.tsx';

export function Notifications({ onRead }: { onRead: () => void }) {
  const { t, locale } = useApp();
  const { data, failed, reload } = useRead(APP_NOTIFICATIONS, { first: 50 });
  const { state, run } = useAction();
  // A new notification shows at once at the top.
  useEffect(() => appLive.onNotification(reload), [reload]);
  if (!data) return <Loading failed={failed} onRetry={reload} />;
  const mark = async (ids?: string[]) => {
    await run(() => call(APP_MARK_READ, ids ? { ids } : {}));
    reload();
    onRead();
  };
  const nodes = data.myNotifications.nodes;
  return (
    <section aria-labelledby="notifications">
      <h1 id="notifications">{t('notifications.title')}</h1>
      {data.myNotifications.unreadCount > 0 && (
        <button type="button" className="button secondary" onClick={() => mark()}>
          {t('notifications.markAll')}
        </button>
      )}
      <Feedback state={state} />
      {nodes.length === 0 ? (
        <p className="empty">{t('notifications.empty')}</p>
      ) : (
        <ul className="cards">
          {nodes.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={n.readAt ? 'card' : 'card unread'}
                onClick={() => {
                  if (!n.readAt) void mark([n.id]);
                  if (n.wish) go(`wish/${n.wish.id}`);
                  else if (n.activity) go('activities');
                }}
              >
                <span className="card-top">
                  <span className="card-title">{n.title}</span>
                  {!n.readAt && <span className="badge unread-dot">{t('notifications.unread')}</span>}
                </span>
                <span className="card-meta">{n.body}</span>
                <span className="muted">{formatDate(locale, n.at)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
