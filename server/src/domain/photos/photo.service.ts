/**
 * Photos: an upload is checked, re-encoded and stored (storage first, then its row: a row never names a missing
 * file); attaching it to a wish happens inside the wish's own transaction (wish.service.ts); the sweep deletes
 * uploads nobody attached within UNATTACHED_MAX_AGE_HOURS, rows and files together.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PhotoStage } from '../../entities/photo.entity.ts';
import type { PhotoStorage } from '../../storage/photo-storage.ts';
import type { Viewer } from '../auth/viewer.ts';
import { recordChange } from '../kernel/change-log.ts';
import { badInput } from '../kernel/errors.ts';
import type { IdRef } from '../kernel/input.ts';
import { pgArray } from '../kernel/sql.ts';
import { encodePhoto, MAX_PHOTO_BYTES } from './photo.image.ts';
import { requireUploader } from './photo.policy.ts';
import { findPhotos, MAX_PHOTOS_PER_STAGE, type PhotoRecord } from './photo.queries.ts';

/** An upload not attached to a wish within this many hours is deleted (INPUTS.md). */
export const UNATTACHED_MAX_AGE_HOURS = 24;

/** What a GraphQL multipart request hands over for a `File` variable (a web File). */
export interface UploadedFile {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as UploadedFile).size === 'number' &&
    typeof (value as UploadedFile).arrayBuffer === 'function'
  );
}

export class PhotoService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly storage: PhotoStorage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async upload(file: unknown): Promise<PhotoRecord> {
    if (!isUploadedFile(file)) throw badInput('file', 'send one image file as a GraphQL multipart request');
    if (file.size > MAX_PHOTO_BYTES) throw badInput('file', 'must be at most 10 MiB');
    if (file.size === 0) throw badInput('file', 'is empty');
    const data = Buffer.from(await file.arrayBuffer());
    if (data.length > MAX_PHOTO_BYTES) throw badInput('file', 'must be at most 10 MiB');
    // The file is checked first (BAD_USER_INPUT comes before FORBIDDEN in the contract's order).
    const photo = await encodePhoto(data);
    requireUploader(this.viewer);

    const name = randomUUID();
    const storageKey = `photos/${name}.jpg`;
    const thumbnailKey = `photos/${name}-thumb.jpg`;
    await this.storage.put(storageKey, photo.image, photo.contentType);
    try {
      await this.storage.put(thumbnailKey, photo.thumbnail, photo.contentType);
      const at = this.now();
      const id = await this.em.transactional(async (em) => {
        const [row] = await em.execute<{ id: number }[]>(
          `insert into photo (uploader_id, storage_key, thumbnail_key, content_type, width, height, byte_size, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
          [
            this.viewer.personId,
            storageKey,
            thumbnailKey,
            photo.contentType,
            photo.width,
            photo.height,
            photo.image.length,
            at,
          ],
        );
        const photoId = (row as { id: number }).id;
        await recordChange(
          em,
          { entityType: 'Photo', entityId: photoId, action: 'UPLOAD', actorId: this.viewer.personId },
          at,
        );
        return photoId;
      });
      const [record] = await findPhotos(this.em, [id]);
      return record as PhotoRecord;
    } catch (err) {
      await this.storage.remove([storageKey, thumbnailKey]).catch(() => undefined);
      throw err;
    }
  }
}

/**
 * The photos a wish input names (`photoIds`), checked before anything else of the wish (BAD_USER_INPUT comes
 * before NOT_FOUND): at most 9, each uploaded by the viewer and not attached yet. Returns their ids.
 */
export async function checkPhotoIds(
  em: EntityManager,
  viewer: Viewer,
  refs: readonly IdRef[] | null | undefined,
): Promise<number[]> {
  if (refs === null || refs === undefined || refs.length === 0) return [];
  if (refs.length > MAX_PHOTOS_PER_STAGE) throw badInput('photoIds', `at most ${MAX_PHOTOS_PER_STAGE} photos`);
  if (refs.includes(null)) throw badInput('photoIds', 'contains an ID that is not a photo');
  const ids = [...new Set(refs as number[])];
  if (ids.length !== refs.length) throw badInput('photoIds', 'names a photo twice');
  const found = new Map((await findPhotos(em, ids)).map((p) => [p.id, p]));
  for (const id of ids) {
    const photo = found.get(id);
    // Someone else's photo and a deleted one look the same: nothing is revealed about others' uploads.
    if (!photo || photo.uploaderId !== viewer.personId) {
      throw badInput('photoIds', 'contains a photo you did not upload (or one deleted after 24 hours unattached)');
    }
    if (photo.wishId !== null) throw badInput('photoIds', 'contains a photo already attached to a wish');
  }
  return ids;
}

/**
 * Attaches checked photos to a wish, inside the wish change's transaction: a photo attached meanwhile by another
 * request (or swept) fails the whole change, so nothing is half done.
 */
export async function attachPhotos(
  em: EntityManager,
  input: { photoIds: readonly number[]; uploaderId: number; wishId: number; stage: PhotoStage; at: Date },
): Promise<void> {
  if (input.photoIds.length === 0) return;
  const [held] = await em.execute<{ n: number }[]>(
    'select count(*)::int as n from photo where wish_id = ? and stage = ?',
    [input.wishId, input.stage],
  );
  if ((held?.n ?? 0) + input.photoIds.length > MAX_PHOTOS_PER_STAGE) {
    throw badInput('photoIds', `a wish holds at most ${MAX_PHOTOS_PER_STAGE} photos of each stage`);
  }
  const attached = await em.execute<{ id: number }[]>(
    `update photo set wish_id = ?, stage = ?, attached_at = ?
      where id = any(?::int[]) and uploader_id = ? and wish_id is null returning id`,
    [input.wishId, input.stage, input.at, pgArray(input.photoIds), input.uploaderId],
  );
  if (attached.length !== input.photoIds.length) {
    throw badInput('photoIds', 'contains a photo attached to a wish or deleted meanwhile');
  }
}

/**
 * Deletes uploads left unattached for UNATTACHED_MAX_AGE_HOURS, their files first, in the transaction that deletes
 * their rows (locked, skipping rows another replica is sweeping): a photo being attached at the same moment either
 * wins (the sweep no longer sees it) or finds it gone. A storage failure rolls the batch back for the next sweep.
 */
export async function sweepUnattachedPhotos(
  em: EntityManager,
  storage: PhotoStorage,
  now: Date,
  batch = 25,
): Promise<number> {
  const cutoff = new Date(now.getTime() - UNATTACHED_MAX_AGE_HOURS * 3_600_000);
  let deleted = 0;
  for (;;) {
    const removed = await em.fork().transactional(async (tem) => {
      const rows = await tem.execute<{ id: number; storage_key: string; thumbnail_key: string }[]>(
        `delete from photo where id in (
           select id from photo where wish_id is null and created_at < ? order by created_at, id limit ?
           for update skip locked)
         returning id, storage_key, thumbnail_key`,
        [cutoff, batch],
      );
      if (rows.length === 0) return 0;
      await storage.remove(rows.flatMap((r) => [r.storage_key, r.thumbnail_key]));
      for (const row of rows) {
        await recordChange(
          tem,
          { entityType: 'Photo', entityId: row.id, action: 'SWEEP', actorId: null, data: { automatic: true } },
          now,
        );
      }
      return rows.length;
    });
    deleted += removed;
    if (removed < batch) return deleted;
  }
}
