/**
 * One wish: its state as it changes, details, photos and timeline, and what the viewer may do now (the
 * server's availableActions): a resident evaluates (stars and a comment) or withdraws it; the member it is
 * dispatched to accepts, declines or resolves it with a note and photos.
 */
import { useMemo, useState } from 'react';
import type { AppWishQuery } from '../gql/graphql.ts';
import { call } from './api.ts';
import { APP_ACCEPT, APP_CANCEL, APP_DECLINE, APP_EVALUATE, APP_RESOLVE, APP_WISH } from './documents.ts';
import { useAction, useApp, useDraft, useRead } from './hooks.ts';
import { type DraftPhoto, PhotoPicker } from './PhotoPicker.tsx';
import { Feedback, formatDate, Loading, localName, StatusBadge, TextField } from './ui.tsx';

type Wish = NonNullable<AppWishQuery['wish']>;

export function WishDetail({ id }: { id: string }) {
  const { t, locale } = useApp();
  const { data, failed, reload } = useRead(APP_WISH, { id }, (event) => event.wish.id === id);
  if (!data) return <Loading failed={failed} onRetry={reload} />;
  const wish = data.wish;
  if (!wish) return <p className="empty">{t('error.NOT_FOUND')}</p>;
  const actions = new Set(wish.availableActions);
  const submitted = wish.photos.filter((p) => p.stage !== 'RESOLVED');
  const resolved = wish.photos.filter((p) => p.stage === 'RESOLVED');
  return (
    <article className="wish" aria-labelledby="wish-title">
      <div className="wish-head">
        <h1 id="wish-title">{wish.title}</h1>
        <span data-testid="wish-status">
          <StatusBadge status={wish.status} />
        </span>
      </div>
      <dl className="facts">
        <dt>{t('wish.category')}</dt>
        <dd>{localName(locale, wish.category)}</dd>
        {wish.address && (
          <>
            <dt>{t('wish.address')}</dt>
            <dd>{wish.address}</dd>
          </>
        )}
        {wish.dueAt && (
          <>
            <dt>{wish.overdue ? t('wishes.overdue') : t('wish.dueAt')}</dt>
            <dd className={wish.overdue ? 'overdue' : undefined}>{formatDate(locale, wish.dueAt)}</dd>
          </>
        )}
        {wish.assignees.length > 0 && (
          <>
            <dt>{t('wish.assignees')}</dt>
            <dd>{wish.assignees.map((a) => a.displayName).join('、')}</dd>
          </>
        )}
      </dl>
      {wish.description && <p className="description">{wish.description}</p>}
      {wish.rating !== null && wish.rating !== undefined && (
        <p className="rating">
          {'★'.repeat(wish.rating)}
          {'☆'.repeat(5 - wish.rating)} {t('wish.rating', { stars: wish.rating })}
          {wish.ratingComment ? ` · ${wish.ratingComment}` : ''}
        </p>
      )}
      {submitted.length > 0 && <PhotoRow title={t('wish.photoSubmitted')} photos={submitted} />}
      {resolved.length > 0 && <PhotoRow title={t('wish.photoResolved')} photos={resolved} />}
      {actions.has('EVALUATE') && <Evaluate wish={wish} onDone={reload} />}
      {actions.has('ACCEPT') && <SimpleAction wish={wish} kind="accept" onDone={reload} />}
      {actions.has('RESOLVE') && <Resolve wish={wish} onDone={reload} />}
      {actions.has('DECLINE') && <SimpleAction wish={wish} kind="decline" onDone={reload} />}
      {actions.has('CANCEL') && <SimpleAction wish={wish} kind="cancel" onDone={reload} />}
      <h2>{t('wish.timeline')}</h2>
      <ol className="timeline">
        {[...wish.events].reverse().map((event) => (
          <li key={event.sequence}>
            <span className="timeline-when">{formatDate(locale, event.at)}</span>
            <span className="timeline-what">
              {t(`action.${event.action}`)} → {t(`status.${event.toStatus}`)}
            </span>
            {event.note && <span className="timeline-note">{event.note}</span>}
          </li>
        ))}
      </ol>
    </article>
  );
}

function PhotoRow({ title, photos }: { title: string; photos: Wish['photos'] }) {
  return (
    <section className="photo-row">
      <h2>{title}</h2>
      <ul className="photo-grid">
        {photos.map((photo) => (
          <li key={photo.id} className="photo">
            <a href={photo.url} target="_blank" rel="noreferrer">
              <img src={photo.thumbnailUrl} alt={title} />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Evaluate({ wish, onDone }: { wish: Wish; onDone: () => void }) {
  const { t } = useApp();
  const empty = useMemo(() => ({ rating: 0, comment: '' }), []);
  const [draft, update, clear] = useDraft(`evaluate.${wish.id}`, empty);
  const { state, run } = useAction();
  const [problem, setProblem] = useState<string | null>(null);
  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    if (draft.rating < 1) return setProblem(t('wish.needStars'));
    setProblem(null);
    const comment = draft.comment.trim();
    const result = await run(() =>
      call(APP_EVALUATE, { input: { wishId: wish.id, rating: draft.rating, ...(comment ? { comment } : {}) } }),
    );
    if (result) {
      clear();
      onDone();
    }
  };
  return (
    <form className="panel" onSubmit={send}>
      <h2>{t('wish.evaluate')}</h2>
      <div className="stars" role="radiogroup" aria-label={t('wish.evaluate')}>
        {[1, 2, 3, 4, 5].map((n) => (
          // biome-ignore lint/a11y/useSemanticElements: large star buttons read better than radio inputs here
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={draft.rating === n}
            aria-label={t('wish.stars', { count: n })}
            className={n <= draft.rating ? 'star on' : 'star'}
            onClick={() => update({ rating: n })}
          >
            ★
          </button>
        ))}
      </div>
      <TextField
        label={t('wish.comment')}
        name="comment"
        rows={3}
        maxLength={1000}
        value={draft.comment}
        onChange={(comment) => update({ comment })}
      />
      {problem && (
        <p className="feedback failed" role="alert">
          {problem}
        </p>
      )}
      <Feedback state={state} draft />
      <button type="submit" className="button primary big" disabled={state.kind === 'pending'}>
        {state.kind === 'pending' ? t('app.pending') : t('wish.sendEvaluation')}
      </button>
    </form>
  );
}

function Resolve({ wish, onDone }: { wish: Wish; onDone: () => void }) {
  const { t } = useApp();
  const empty = useMemo(() => ({ note: '', photos: [] as DraftPhoto[] }), []);
  const [draft, update, clear] = useDraft(`resolve.${wish.id}`, empty);
  const { state, run } = useAction();
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!draft.note.trim()) return setProblem(t('wish.needNote'));
    if (uploading) return setProblem(t('new.waitUploads'));
    setProblem(null);
    const result = await run(() =>
      call(APP_RESOLVE, {
        input: {
          wishId: wish.id,
          note: draft.note.trim(),
          ...(draft.photos.length > 0 ? { photoIds: draft.photos.map((p) => p.id) } : {}),
        },
      }),
    );
    if (result) {
      clear();
      onDone();
    }
  };
  return (
    <form className="panel" onSubmit={send}>
      <h2>{t('wish.resolve')}</h2>
      <TextField
        label={t('wish.resolveNote')}
        name="note"
        rows={3}
        maxLength={1000}
        value={draft.note}
        onChange={(note) => update({ note })}
      />
      <PhotoPicker photos={draft.photos} onChange={(photos) => update({ photos })} onBusy={setUploading} />
      {problem && (
        <p className="feedback failed" role="alert">
          {problem}
        </p>
      )}
      <Feedback state={state} draft />
      <button type="submit" className="button primary big" disabled={state.kind === 'pending'}>
        {state.kind === 'pending' ? t('app.pending') : t('wish.resolve')}
      </button>
    </form>
  );
}

/** Accept, decline (with an optional reason) or withdraw: one tap, then a confirmation for the last two. */
function SimpleAction({
  wish,
  kind,
  onDone,
}: {
  wish: Wish;
  kind: 'accept' | 'decline' | 'cancel';
  onDone: () => void;
}) {
  const { t } = useApp();
  const { state, run } = useAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const label = kind === 'accept' ? t('wish.accept') : kind === 'decline' ? t('wish.decline') : t('wish.cancel');
  const perform = async () => {
    const wishId = wish.id;
    const why = reason.trim();
    const result = await run<unknown>(() => {
      if (kind === 'accept') return call(APP_ACCEPT, { input: { wishId } });
      if (kind === 'decline') return call(APP_DECLINE, { input: { wishId, ...(why ? { reason: why } : {}) } });
      return call(APP_CANCEL, { input: { wishId, ...(why ? { reason: why } : {}) } });
    });
    if (result) {
      setOpen(false);
      onDone();
    }
  };
  if (kind !== 'accept' && !open) {
    return (
      <div className="panel">
        <button type="button" className="button secondary big" onClick={() => setOpen(true)}>
          {label}
        </button>
      </div>
    );
  }
  return (
    <div className="panel">
      {kind !== 'accept' && (
        <>
          {kind === 'cancel' && <p>{t('wish.cancelConfirm')}</p>}
          <TextField
            label={t('wish.declineReason')}
            name="reason"
            value={reason}
            maxLength={500}
            onChange={setReason}
          />
        </>
      )}
      <Feedback state={state} />
      <button
        type="button"
        className={kind === 'accept' ? 'button primary big' : 'button danger big'}
        disabled={state.kind === 'pending'}
        onClick={perform}
      >
        {state.kind === 'pending' ? t('app.pending') : label}
      </button>
    </div>
  );
}
