/**
 * Listing a wish in a few taps: a category tile, a title, details, the address line and photos. Everything
 * typed stays in a draft on the device until the wish is listed, so a failed request loses nothing.
 */
import { useMemo, useState } from 'react';
import { call } from './api.ts';
import { APP_CATEGORIES, APP_SUBMIT_WISH } from './documents.ts';
import { go, useAction, useApp, useDraft, useRead } from './hooks.ts';
import { type DraftPhoto, PhotoPicker } from './PhotoPicker.tsx';
import { Feedback, Loading, localName, TextField } from './ui.tsx';

interface WishDraft {
  categoryCode: string;
  title: string;
  description: string;
  address: string;
  photos: DraftPhoto[];
}

export function NewWish() {
  const { t, locale, me } = useApp();
  const empty = useMemo<WishDraft>(
    () => ({ categoryCode: '', title: '', description: '', address: me.address ?? '', photos: [] }),
    [me.address],
  );
  const [draft, update, clear] = useDraft<WishDraft>(`wish.${me.id}`, empty);
  const categories = useRead(APP_CATEGORIES, {});
  const { state, run } = useAction();
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (!categories.data) return <Loading failed={categories.failed} onRetry={categories.reload} />;
  const active = categories.data.wishCategories.filter((c) => c.active).sort((a, b) => a.sortOrder - b.sortOrder);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!draft.categoryCode) return setProblem(t('new.needCategory'));
    if (!draft.title.trim()) return setProblem(t('new.needTitle'));
    if (uploading) return setProblem(t('new.waitUploads'));
    const result = await run(() =>
      call(APP_SUBMIT_WISH, {
        input: {
          categoryCode: draft.categoryCode,
          title: draft.title.trim(),
          description: draft.description.trim(),
          ...(draft.address.trim() ? { address: draft.address.trim() } : {}),
          ...(draft.photos.length > 0 ? { photoIds: draft.photos.map((p) => p.id) } : {}),
        },
      }),
    );
    if (result) {
      clear();
      go(`wish/${result.submitWish.wish.id}`);
    }
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="new-wish">
      <h1 id="new-wish">{t('new.title')}</h1>
      <fieldset>
        <legend>{t('new.category')}</legend>
        <div className="tiles">
          {active.map((category) => (
            <button
              key={category.code}
              type="button"
              className={draft.categoryCode === category.code ? 'tile selected' : 'tile'}
              aria-pressed={draft.categoryCode === category.code}
              onClick={() => update({ categoryCode: category.code })}
            >
              {localName(locale, category)}
            </button>
          ))}
        </div>
      </fieldset>
      <TextField
        label={t('new.wishTitle')}
        name="title"
        value={draft.title}
        maxLength={100}
        placeholder={t('new.wishTitleHint')}
        onChange={(title) => update({ title })}
      />
      <TextField
        label={t('new.description')}
        name="description"
        rows={4}
        maxLength={4000}
        value={draft.description}
        onChange={(description) => update({ description })}
      />
      <TextField
        label={t('new.address')}
        name="address"
        value={draft.address}
        maxLength={100}
        onChange={(address) => update({ address })}
      />
      <fieldset>
        <legend>{t('new.photos')}</legend>
        <PhotoPicker photos={draft.photos} onChange={(photos) => update({ photos })} onBusy={setUploading} />
      </fieldset>
      {problem && (
        <p className="feedback failed" role="alert">
          {problem}
        </p>
      )}
      <Feedback state={state} draft />
      <button type="submit" className="button primary big" disabled={state.kind === 'pending'}>
        {state.kind === 'pending' ? t('app.pending') : t('new.submit')}
      </button>
    </form>
  );
}
