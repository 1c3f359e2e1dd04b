/** A member's or volunteer's orders: dispatched to them or accepted by them, with due dates and overdue marks. */
import { APP_MY_ORDERS } from './documents.ts';
import { go, useApp, useRead } from './hooks.ts';
import { formatDate, Loading, localName, StatusBadge } from './ui.tsx';

export function Orders() {
  const { t, locale } = useApp();
  const { data, failed, reload } = useRead(APP_MY_ORDERS, { first: 50 }, true);
  if (!data) return <Loading failed={failed} onRetry={reload} />;
  const orders = data.wishes.edges.map((edge) => edge.node);
  return (
    <section aria-labelledby="orders">
      <h1 id="orders">{t('tab.orders')}</h1>
      {orders.length === 0 ? (
        <p className="empty">{t('orders.empty')}</p>
      ) : (
        <ul className="cards">
          {orders.map((order) => (
            <li key={order.id}>
              <button type="button" className="card" data-wish={order.id} onClick={() => go(`wish/${order.id}`)}>
                <span className="card-top">
                  <span className="card-title">{order.title}</span>
                  <StatusBadge status={order.status} />
                </span>
                <span className="card-meta">
                  {localName(locale, order.category)} · {localName(locale, order.compound)}
                  {order.address ? ` · ${order.address}` : ''}
                </span>
                {order.dueAt && (
                  <span className={order.overdue ? 'card-due overdue' : 'card-due'}>
                    {order.overdue ? `${t('wishes.overdue')} · ` : ''}
                    {t('orders.due', { date: formatDate(locale, order.dueAt) })}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
