/**
 * Up to 9 photos taken with the phone's camera or chosen from its gallery: each uploads at once with its own
 * progress bar, shows a preview, and can be removed. The uploaded ones (their ids) live in the caller's draft,
 * so a failed submission keeps them; a failed upload can be tried again.
 */
import { useRef, useState } from 'react';
import { uploadPhoto } from './api.ts';
import { useApp } from './hooks.ts';
import { Icon } from './icons.tsx';

export const MAX_PHOTOS = 9;

export interface DraftPhoto {
  id: string;
  thumbnailUrl: string;
}

interface Upload {
  key: string;
  file: File;
  preview: string;
  share: number;
  failed: boolean;
}

export function PhotoPicker({
  photos,
  onChange,
  onBusy,
}: {
  photos: DraftPhoto[];
  onChange: (photos: DraftPhoto[]) => void;
  onBusy: (busy: boolean) => void;
}) {
  const { t } = useApp();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(photos);
  latest.current = photos;
  const pending = useRef(0);
  const removed = useRef(new Set<string>());

  const patch = (key: string, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const start = (upload: Upload) => {
    pending.current += 1;
    onBusy(true);
    patch(upload.key, { failed: false, share: 0 });
    uploadPhoto(upload.file, upload.file.name, (share) => patch(upload.key, { share }))
      .then((photo) => {
        setUploads((list) => list.filter((u) => u.key !== upload.key));
        URL.revokeObjectURL(upload.preview);
        if (removed.current.has(upload.key)) return;
        onChange([...latest.current, { id: photo.id, thumbnailUrl: photo.thumbnailUrl }]);
      })
      .catch(() => patch(upload.key, { failed: true }))
      .finally(() => {
        pending.current -= 1;
        if (pending.current === 0) onBusy(false);
      });
  };

  const choose = (files: FileList | null) => {
    if (!files) return;
    const room = MAX_PHOTOS - photos.length - uploads.length;
    const added = Array.from(files)
      .slice(0, Math.max(0, room))
      .map((file) => ({
        key: `${Date.now()}-${Math.random()}`,
        file,
        preview: URL.createObjectURL(file),
        share: 0,
        failed: false,
      }));
    setUploads((list) => [...list, ...added]);
    for (const upload of added) start(upload);
    if (input.current) input.current.value = '';
  };

  const full = photos.length + uploads.length >= MAX_PHOTOS;
  return (
    <div className="photos">
      <ul className="photo-grid">
        {photos.map((photo) => (
          <li key={photo.id} className="photo">
            <img src={photo.thumbnailUrl} alt={t('new.uploaded')} />
            <button
              type="button"
              className="photo-remove"
              aria-label={t('new.removePhoto')}
              onClick={() => onChange(photos.filter((p) => p.id !== photo.id))}
            >
              ×
            </button>
          </li>
        ))}
        {uploads.map((upload) => (
          <li key={upload.key} className="photo uploading">
            <img src={upload.preview} alt="" />
            {upload.failed ? (
              <button type="button" className="photo-retry" onClick={() => start(upload)}>
                {t('new.uploadFailed')} · {t('app.retry')}
              </button>
            ) : (
              <progress
                max={100}
                value={Math.round(upload.share * 100)}
                aria-label={t('new.uploading', { percent: Math.round(upload.share * 100) })}
              />
            )}
            <button
              type="button"
              className="photo-remove"
              aria-label={t('new.removePhoto')}
              onClick={() => {
                removed.current.add(upload.key);
                setUploads((list) => list.filter((u) => u.key !== upload.key));
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {!full && (
        <label className="button secondary photo-add">
          <Icon name="plus" size={22} />
          {t('new.takePhoto')}
          <input
            ref={input}
            type="file"
            accept="image/*"
            multiple
            className="visually-hidden"
            onChange={(event) => choose(event.target.files)}
          />
        </label>
      )}
    </div>
  );
}
