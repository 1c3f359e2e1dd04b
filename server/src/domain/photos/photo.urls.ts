/**
 * Photo URLs are capabilities: `/photos/<id>/<full|thumb>?expires=<unix seconds>&signature=<HMAC-SHA256>`, signed
 * with the key of `photo_url_key` (one for all replicas), issued only to a viewer who may see the photo, and
 * refused once `expires` has passed. The expiry is rounded down to ten minutes so that a page fetched twice
 * gets the same URLs (the browser's cache keeps working) and never lies beyond the configured lifetime.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

export type PhotoVariant = 'full' | 'thumb';
const ROUNDING_SECONDS = 600;

/** The signing key, read from the database. */
export async function loadPhotoUrlKey(em: EntityManager): Promise<Buffer> {
  const [row] = await em.execute<{ secret: string }[]>('select secret from photo_url_key where id = 1');
  if (!row || row.secret.length < 32) throw new Error('photo_url_key holds no signing key: run the migrations');
  return Buffer.from(row.secret, 'utf8');
}

export function photoSignature(key: Buffer, photoId: number, variant: PhotoVariant, expires: number): string {
  return createHmac('sha256', key).update(`photo:${photoId}:${variant}:${expires}`).digest('base64url');
}

/** When a URL issued at `nowMs` for `ttlSeconds` stops working (unix seconds). */
export function expiryOf(nowMs: number, ttlSeconds: number): number {
  const end = Math.floor(nowMs / 1000) + ttlSeconds;
  return ttlSeconds >= 2 * ROUNDING_SECONDS ? end - (end % ROUNDING_SECONDS) : end;
}

export function photoPath(key: Buffer, photoId: number, variant: PhotoVariant, expires: number): string {
  return `/photos/${photoId}/${variant}?expires=${expires}&signature=${photoSignature(key, photoId, variant, expires)}`;
}

const PATH = /^\/photos\/([1-9][0-9]{0,9})\/(full|thumb)$/;

export interface PhotoRequest {
  photoId: number;
  variant: PhotoVariant;
  expires: number;
}

/** The photo a URL names if it is well formed, unexpired and signed by `key`; else null (no reason given). */
export function verifyPhotoUrl(key: Buffer, url: string, nowMs: number): PhotoRequest | null {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://photos.invalid');
  } catch {
    return null;
  }
  // Exactly the two parameters it was issued with, once each.
  if ([...parsed.searchParams.keys()].join('&') !== 'expires&signature') return null;
  const match = PATH.exec(parsed.pathname);
  const expiresText = parsed.searchParams.get('expires') ?? '';
  const signature = parsed.searchParams.get('signature') ?? '';
  if (!match || !/^[0-9]{1,12}$/.test(expiresText) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return null;
  const photoId = Number(match[1]);
  const variant = match[2] as PhotoVariant;
  const expires = Number(expiresText);
  if (photoId > 2_147_483_647 || expires * 1000 <= nowMs) return null;
  const expected = Buffer.from(photoSignature(key, photoId, variant, expires));
  if (!timingSafeEqual(expected, Buffer.from(signature))) return null;
  return { photoId, variant, expires };
}
