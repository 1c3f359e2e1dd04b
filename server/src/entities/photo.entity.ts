import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Person } from './person.entity.ts';
import { Wish } from './wish.entity.ts';

/** When a photo was attached: with the listing (SUBMITTED) or with the report of the work done (RESOLVED). */
export const PHOTO_STAGES = ['SUBMITTED', 'RESOLVED'] as const;
export type PhotoStage = (typeof PHOTO_STAGES)[number];

/**
 * An uploaded photo, re-encoded and stripped of its metadata, kept in the photo storage under `storageKey` (the
 * image) and `thumbnailKey`. Unattached (no wish) it belongs to its uploader; unattached after 24 hours, the sweep
 * deletes it, from the storage too.
 */
export const Photo = defineEntity({
  name: 'Photo',
  tableName: 'photo',
  // The sweep reads the old unattached ones (Migration20261201000300_Photos).
  indexes: [
    {
      name: 'photo_unattached_created_at_index',
      expression: 'create index "photo_unattached_created_at_index" on "photo" ("created_at") where "wish_id" is null',
    },
  ],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    uploader: () => p.manyToOne(Person).index(),
    wish: () => p.manyToOne(Wish).nullable().index(),
    stage: p
      .enum(() => PHOTO_STAGES)
      .nativeEnumName('photo_stage')
      .nullable(),
    storageKey: p.string().length(100),
    thumbnailKey: p.string().length(100),
    contentType: p.string().length(50),
    width: p.integer(),
    height: p.integer(),
    byteSize: p.integer(),
    createdAt: p.datetime(),
    attachedAt: p.datetime().nullable(),
  }),
});
export type IPhoto = InferEntity<typeof Photo>;

/** The one secret that signs photo URLs (row id 1), made by the migration: every replica reads the same. */
export const PhotoUrlKey = defineEntity({
  name: 'PhotoUrlKey',
  tableName: 'photo_url_key',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(false),
    secret: p.string().length(128),
  }),
});
export type IPhotoUrlKey = InferEntity<typeof PhotoUrlKey>;
