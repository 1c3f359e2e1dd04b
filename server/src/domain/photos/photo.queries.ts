/** Reads of the `photo` table: one record type, one column list. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PhotoStage } from '../../entities/photo.entity.ts';
import { pgArray } from '../kernel/sql.ts';

export interface PhotoRecord {
  id: number;
  uploaderId: number;
  wishId: number | null;
  stage: PhotoStage | null;
  storageKey: string;
  thumbnailKey: string;
  contentType: string;
  width: number;
  height: number;
  byteSize: number;
  createdAt: Date;
  attachedAt: Date | null;
}

export const PHOTO_COLUMNS = `p.id, p.uploader_id, p.wish_id, p.stage, p.storage_key, p.thumbnail_key, p.content_type,
  p.width, p.height, p.byte_size, p.created_at, p.attached_at`;

interface PhotoRow {
  id: number;
  uploader_id: number;
  wish_id: number | null;
  stage: PhotoStage | null;
  storage_key: string;
  thumbnail_key: string;
  content_type: string;
  width: number;
  height: number;
  byte_size: number;
  created_at: Date | string;
  attached_at: Date | string | null;
}

export function toPhotoRecord(r: PhotoRow): PhotoRecord {
  return {
    id: r.id,
    uploaderId: r.uploader_id,
    wishId: r.wish_id,
    stage: r.stage,
    storageKey: r.storage_key,
    thumbnailKey: r.thumbnail_key,
    contentType: r.content_type,
    width: r.width,
    height: r.height,
    byteSize: r.byte_size,
    createdAt: new Date(r.created_at),
    attachedAt: r.attached_at === null ? null : new Date(r.attached_at),
  };
}

/** At most this many photos of each stage on one wish (INPUTS.md: photoIds ≤ 9). */
export const MAX_PHOTOS_PER_STAGE = 9;
/** A wish shows at most this many photos: its listing's and its resolution's. */
export const MAX_PHOTOS_PER_WISH = 2 * MAX_PHOTOS_PER_STAGE;

export async function findPhotos(em: EntityManager, ids: readonly number[]): Promise<PhotoRecord[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<PhotoRow[]>(`select ${PHOTO_COLUMNS} from photo p where p.id = any(?::int[])`, [
    pgArray(ids),
  ]);
  return rows.map(toPhotoRecord);
}

/** The photos of each wish, listing's first, oldest first (callers make sure the viewer may see them). */
export async function photosOfWishes(
  em: EntityManager,
  wishIds: readonly number[],
): Promise<Map<number, PhotoRecord[]>> {
  const byWish = new Map<number, PhotoRecord[]>(wishIds.map((id) => [id, []]));
  if (wishIds.length === 0) return byWish;
  const rows = await em.execute<PhotoRow[]>(
    `select ${PHOTO_COLUMNS} from photo p where p.wish_id = any(?::int[]) order by p.wish_id, p.stage, p.id`,
    [pgArray(wishIds)],
  );
  for (const row of rows) {
    const list = byWish.get(row.wish_id as number);
    if (list && list.length < MAX_PHOTOS_PER_WISH) list.push(toPhotoRecord(row));
  }
  return byWish;
}
