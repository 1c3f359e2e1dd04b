import type { BoardEvent } from './events.ts';
import { eventTime, localName } from './format.ts';
import { labelOf } from './messages.ts';
import { locale, t } from './translate.ts';

interface Props {
  event: BoardEvent;
  isNew: boolean;
  now: Date;
}

/** One status change: when, which wish (title, compound, category), what happened, the state it reached. */
export const EventRow = ({ event, isNew, now }: Props) => {
  const when = eventTime(event.at, now, t);
  return (
    <li
      className={`feed__row status--${event.toStatus}${isNew ? ' feed__row--new' : ''}`}
      data-sequence={event.sequence}
      data-to-status={event.toStatus}
      data-testid="screen-event"
    >
      <time className="feed__time" dateTime={event.at}>
        {when.day && <span className="feed__day">{when.day}</span>}
        {when.time}
      </time>
      <div className="feed__wish">
        <span className="feed__title">{event.wish.title}</span>
        <span className="feed__where">
          {localName(event.wish.compound, locale)} · {localName(event.wish.category, locale)}
        </span>
      </div>
      <div className="feed__change">
        <span className="feed__action">{labelOf(t, 'action', event.action)}</span>
        <span className="status-chip">{labelOf(t, 'status', event.toStatus)}</span>
      </div>
    </li>
  );
};
