/** A resident's wishes, newest first, with their status as it changes (wish events). */
import { APP_MY_WISHES } from './documents.ts';
import { go, useApp, useRead } from './hooks.ts';
import { formatDate, Loading, localName, StatusBadge } from './ui.tsx';

export function MyWishes() {
  const { t, locale } = useApp();
  const { data, failed, reload } = useRead(APP_MY_WISHES, { first: 50 }, true);
  if (!data) return <Loading failed={failed} onRetry={reload} />;
  const wishes = data.wishes.edges.map((edge) => edge.node);
  return (
    <section aria-labelledby="my-wishes">
      <h1 id="my-wishes">{t('tab.wishes')}</h1>
      {wishes.length === 0 ? (
        <p className="empty">{t('wishes.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('wishes.count', { count: data.wishes.totalCount })}</p>
          <ul className="cards">
            {wishes.map((wish) => (
              <li key={wish.id}>
                <button type="button" className="card" data-wish={wish.id} onClick={() => go(`wish/${wish.id}`)}>
                  <span className="card-top">
                    <span className="card-title">{wish.title}</span>
                    <StatusBadge status={wish.status} />
                  </span>
                  <span className="card-meta">
                    {localName(locale, wish.category)} · {formatDate(locale, wish.createdAt, false)}
                    {wish.overdue && <span className="overdue"> · {t('wishes.overdue')}</span>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
