/** The open pool of the member's area: the first claim wins, and a lost race is said kindly. */
import { useState } from 'react';
import { call, errorCode } from './api.ts';
import { APP_CLAIM, APP_OPEN_POOL } from './documents.ts';
import { go, useApp, useRead } from './hooks.ts';
import { errorText, formatDate, Loading, localName } from './ui.tsx';

type ClaimState = { kind: 'pending' } | { kind: 'failed'; text: string };

export function Pool() {
  const { t, locale } = useApp();
  const { data, failed, reload } = useRead(APP_OPEN_POOL, { first: 50 }, true);
  const [claims, setClaims] = useState<Record<string, ClaimState>>({});
  const [notice, setNotice] = useState<{ text: string; kind: 'ok' | 'kind' } | null>(null);
  if (!data) return <Loading failed={failed} onRetry={reload} />;

  const claim = async (wishId: string) => {
    setClaims((c) => ({ ...c, [wishId]: { kind: 'pending' } }));
    setNotice(null);
    try {
      await call(APP_CLAIM, { input: { wishId } });
      setClaims(({ [wishId]: _, ...rest }) => rest);
      setNotice({ text: t('pool.claimed'), kind: 'ok' });
      go(`wish/${wishId}`);
    } catch (error) {
      const code = errorCode(error);
      // Someone else was quicker: the wish is no longer open for claim.
      const lost = code === 'CONFLICT' || code === 'INVALID_TRANSITION';
      if (lost) {
        // Said above the list: the wish itself leaves the pool as the other claim's event arrives.
        setClaims(({ [wishId]: _, ...rest }) => rest);
        setNotice({ text: t('pool.lost'), kind: 'kind' });
        reload();
        return;
      }
      const text = errorText(t, { code, message: error instanceof Error ? error.message : '' });
      setClaims((c) => ({ ...c, [wishId]: { kind: 'failed', text } }));
    }
  };

  const wishes = data.wishes.edges.map((edge) => edge.node);
  return (
    <section aria-labelledby="pool">
      <h1 id="pool">{t('tab.pool')}</h1>
      {notice && (
        <p className={`feedback ${notice.kind}`} role={notice.kind === 'kind' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {wishes.length === 0 ? (
        <p className="empty">{t('pool.empty')}</p>
      ) : (
        <ul className="cards">
          {wishes.map((wish) => {
            const state = claims[wish.id];
            return (
              <li key={wish.id} className="card static" data-wish={wish.id}>
                <span className="card-title">{wish.title}</span>
                <span className="card-meta">
                  {localName(locale, wish.category)} · {localName(locale, wish.compound)}
                  {wish.dueAt ? ` · ${t('orders.due', { date: formatDate(locale, wish.dueAt, false) })}` : ''}
                </span>
                <button
                  type="button"
                  className="button primary"
                  disabled={state?.kind === 'pending'}
                  onClick={() => claim(wish.id)}
                >
                  {state?.kind === 'pending' ? t('app.pending') : t('pool.claim')}
                </button>
                {state?.kind === 'failed' && (
                  <p className="feedback failed" role="alert">
                    {t('app.failed', { reason: state.text })}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
