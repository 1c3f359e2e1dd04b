import { EventRow } from './EventRow.tsx';
import type { BoardEvent } from './events.ts';
import { t } from './translate.ts';

interface Props {
  events: BoardEvent[];
  /** Events above this sequence came in live: they slide in highlighted. */
  liveAfter: number;
  now: Date;
}

export const EventFeed = ({ events, liveAfter, now }: Props) => (
  <section className="panel feed" aria-labelledby="feed-title">
    <h2 className="panel__title" id="feed-title">
      {t('feed.title')}
    </h2>
    {events.length === 0 ? (
      <p className="panel__empty">{t('feed.empty')}</p>
    ) : (
      <ol className="feed__list" aria-live="polite" data-testid="screen-feed">
        {events.map((event) => (
          <EventRow key={event.sequence} event={event} isNew={event.sequence > liveAfter} now={now} />
        ))}
      </ol>
    )}
  </section>
);
