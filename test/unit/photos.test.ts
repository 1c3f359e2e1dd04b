/** Photos without a server: the storage configuration, the content sniffing, and the signed URLs. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, ROOT_DIR } from '../../server/src/config.ts';
import { sniffImage } from '../../server/src/domain/photos/photo.image.ts';
import { expiryOf, photoPath, verifyPhotoUrl } from '../../server/src/domain/photos/photo.urls.ts';

describe('photo storage configuration', () => {
  it('defaults to the local disk under the data directory, beside the embedded PostgreSQL', () => {
    expect(loadConfig({}).photoStorage).toEqual({ kind: 'local', dir: path.join(ROOT_DIR, '.data/photos') });
    expect(loadConfig({ WISHGRID_DATA_DIR: '/srv/wishgrid' }).photoStorage).toEqual({
      kind: 'local',
      dir: '/srv/wishgrid/photos',
    });
    expect(loadConfig({ PHOTO_DIR: '/mnt/photos' }).photoStorage).toEqual({ kind: 'local', dir: '/mnt/photos' });
  });

  it('uses S3 when S3_BUCKET is set, path-style with an endpoint', () => {
    const env = { S3_BUCKET: 'wishgrid-photos', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' };
    expect(loadConfig({ ...env, S3_ENDPOINT: 'http://minio:9000' }).photoStorage).toEqual({
      kind: 's3',
      endpoint: 'http://minio:9000',
      bucket: 'wishgrid-photos',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    expect(loadConfig({ ...env, S3_REGION: 'cn-north-1' }).photoStorage).toMatchObject({
      endpoint: null,
      region: 'cn-north-1',
      forcePathStyle: false,
    });
  });

  it('names what is missing or wrong', () => {
    expect(() => loadConfig({ S3_ENDPOINT: 'http://minio:9000' })).toThrow(/S3_ENDPOINT set without S3_BUCKET/);
    expect(() => loadConfig({ S3_BUCKET: 'photos' })).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
    const keys = { S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' };
    expect(() => loadConfig({ ...keys, S3_BUCKET: 'Bad_Bucket' })).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ ...keys, S3_BUCKET: 'photos', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ ...keys, S3_BUCKET: 'photos', S3_FORCE_PATH_STYLE: 'perhaps' })).toThrow(
      /S3_FORCE_PATH_STYLE/,
    );
    expect(() => loadConfig({ PHOTO_URL_TTL_SECONDS: String(25 * 3600) })).toThrow(/PHOTO_URL_TTL_SECONDS/);
  });
});

describe('image sniffing', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

  it('knows JPEG, PNG, WebP and HEIC by their first bytes, and nothing else', () => {
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('JPEG');
    expect(sniffImage(bytes([0x89], 'PNG\r\n\x1a\n'))).toBe('PNG');
    expect(sniffImage(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('WEBP');
    expect(sniffImage(bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBe('HEIC');
    // The generic HEIF brand with an HEVC brand among the compatible ones: HEIC; with AVIF's: not.
    expect(sniffImage(bytes([0, 0, 0, 24], 'ftypmif1', [0, 0, 0, 0], 'mif1heic'))).toBe('HEIC');
    expect(sniffImage(bytes([0, 0, 0, 24], 'ftypavif', [0, 0, 0, 0], 'avifmif1'))).toBeNull();
    expect(sniffImage(bytes([0, 0, 0, 24], 'ftypmif1', [0, 0, 0, 0], 'mif1avif'))).toBeNull();
    expect(sniffImage(bytes('GIF89a'))).toBeNull();
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
  });
});

describe('signed photo URLs', () => {
  const key = Buffer.from('k'.repeat(48));
  const now = Date.UTC(2026, 11, 1, 8, 3, 17);

  it('expire within the configured lifetime, rounded down to ten minutes', () => {
    const expires = expiryOf(now, 6 * 3600);
    expect(expires * 1000).toBeLessThanOrEqual(now + 6 * 3600_000);
    expect(expires * 1000).toBeGreaterThan(now + 6 * 3600_000 - 600_000);
    expect(expires % 600).toBe(0);
    // The same URL for a page fetched again a minute later.
    expect(expiryOf(now + 60_000, 6 * 3600)).toBe(expires);
  });

  it('verify only as issued, before they expire', () => {
    const expires = expiryOf(now, 3600);
    const url = photoPath(key, 42, 'thumb', expires);
    expect(verifyPhotoUrl(key, url, now)).toEqual({ photoId: 42, variant: 'thumb', expires });
    expect(verifyPhotoUrl(key, url, expires * 1000)).toBeNull();
    expect(verifyPhotoUrl(Buffer.from('x'.repeat(48)), url, now)).toBeNull();
    expect(verifyPhotoUrl(key, url.replace('/42/', '/43/'), now)).toBeNull();
    expect(verifyPhotoUrl(key, url.replace('thumb', 'full'), now)).toBeNull();
    expect(verifyPhotoUrl(key, url.replace(`expires=${expires}`, `expires=${expires + 600}`), now)).toBeNull();
    expect(verifyPhotoUrl(key, `${url}&signature=x`, now)).toBeNull();
    expect(verifyPhotoUrl(key, '/photos/42/thumb', now)).toBeNull();
    expect(verifyPhotoUrl(key, '/photos/042/thumb?expires=1&signature=x', now)).toBeNull();
  });
});
