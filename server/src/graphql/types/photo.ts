/**
 * Photos: `uploadPhoto(file: File!)` over the GraphQL multipart request specification (HTTP only), and
 * `Wish.photos` with signed, expiring URLs (see domain/photos/photo.urls.ts).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { maySeePhotosOf } from '../../domain/photos/photo.policy.ts';
import { type PhotoRecord, photosOfWishes } from '../../domain/photos/photo.queries.ts';
import { isUploadedFile, PhotoService } from '../../domain/photos/photo.service.ts';
import { expiryOf, loadPhotoUrlKey, type PhotoVariant, photoPath } from '../../domain/photos/photo.urls.ts';
import { PHOTO_STAGES } from '../../entities/photo.entity.ts';
import { photoStorageFor } from '../../storage/photo-storage.ts';
import { builder, enumValues } from '../builder.ts';
import type { Context } from '../context.ts';
import { encodeId } from '../ids.ts';
import { WishRef } from './wish.ts';

const notAFile = () =>
  new GraphQLError('file: send one image file as a GraphQL multipart request', {
    extensions: { code: 'BAD_USER_INPUT', field: 'file' },
  });

builder.scalarType('File', {
  description:
    'A file sent with the operation as a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec); input only',
  serialize: () => {
    throw new GraphQLError('File is an input-only type');
  },
  parseValue: (value) => {
    if (!isUploadedFile(value)) throw notAFile();
    return value;
  },
  parseLiteral: () => {
    throw notAFile();
  },
});

export const PhotoStageEnum = enumValues(PHOTO_STAGES);
builder.enumType(PhotoStageEnum, {
  name: 'PhotoStage',
  description: 'When a photo was attached: with the listing (SUBMITTED) or with the work done (RESOLVED)',
});

/** The signing key, read once per operation. */
const keys = new WeakMap<EntityManager, Promise<Buffer>>();
function signingKey(em: EntityManager): Promise<Buffer> {
  let key = keys.get(em);
  if (!key) {
    key = loadPhotoUrlKey(em);
    keys.set(em, key);
  }
  return key;
}

async function urlOf(ctx: Context, photo: PhotoRecord, variant: PhotoVariant): Promise<string> {
  const key = await signingKey(ctx.em);
  return photoPath(key, photo.id, variant, expiryOf(Date.now(), ctx.config.photoUrlTtlSeconds));
}

export const PhotoRef = builder.objectRef<PhotoRecord>('Photo').implement({
  description:
    'A photo of a wish, re-encoded without its metadata. Its URLs are signed and stop working within 24 hours: fetch the wish again for fresh ones.',
  fields: (t) => ({
    id: t.id({ resolve: (p) => encodeId('Photo', p.id) }),
    stage: t.field({
      type: PhotoStageEnum,
      nullable: true,
      description: 'Null until the photo is attached to a wish',
      resolve: (p) => p.stage,
    }),
    url: t.string({ description: 'The image (JPEG), root-relative', resolve: (p, _a, ctx) => urlOf(ctx, p, 'full') }),
    thumbnailUrl: t.string({
      description: 'A small version (JPEG, at most 400 px), root-relative',
      resolve: (p, _a, ctx) => urlOf(ctx, p, 'thumb'),
    }),
    width: t.exposeInt('width'),
    height: t.exposeInt('height'),
  }),
});

/** Batches the photos of the wishes of one tick (uncached: a live subscription always reads them anew). */
const loaders = new WeakMap<Context, DataLoader<number, PhotoRecord[]>>();
function photosLoader(ctx: Context): DataLoader<number, PhotoRecord[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(
      async (ids: readonly number[]) => {
        const byWish = await photosOfWishes(ctx.em, ids);
        return ids.map((id) => byWish.get(id) ?? []);
      },
      { cache: false },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}

builder.objectField(WishRef, 'photos', (t) =>
  t.field({
    type: [PhotoRef],
    description: 'Photos of the listing, then of the work done (empty for display screens)',
    resolve: (w, _a, ctx) => (maySeePhotosOf(w) ? photosLoader(ctx).load(w.id) : []),
  }),
);

builder.mutationFields((t) => ({
  uploadPhoto: t.withAuth({ loggedIn: true }).field({
    type: PhotoRef,
    description:
      'Upload one image (JPEG, PNG, WebP or HEIC, at most 10 MiB) as a GraphQL multipart request, to attach it with `photoIds` to a wish you list or resolve within 24 hours',
    args: { file: t.arg({ type: 'File', required: true }) },
    resolve: (_root, args, ctx) =>
      new PhotoService(ctx.em, ctx.viewer, photoStorageFor(ctx.config.photoStorage)).upload(args.file),
  }),
}));
