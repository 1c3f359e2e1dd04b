/**
 * Photos (issue 10): uploadPhoto over real GraphQL multipart requests (FormData + fetch), content checks and
 * re-encoding with sharp, signed expiring URLs served under /photos/, attaching with submitWish / resolveWish,
 * the sweep of unattached uploads, and S3-compatible storage against a real s3rver process shared by two replicas.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, describe, expect } from 'vitest';
import type { PhotoStorageConfig } from '../../server/src/config.ts';
import { ROOT_DIR } from '../../server/src/config.ts';
import { photoSignature } from '../../server/src/domain/photos/photo.urls.ts';
import { runSweeps } from '../../server/src/domain/sweeps.ts';
import { decodeId } from '../../server/src/graphql/ids.ts';
import { photoStorageFor } from '../../server/src/storage/photo-storage.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';
import { freePort } from '../support/ports.ts';

// The contract's documents (app.graphql), as outside clients send them.
const UPLOAD_PHOTO = `mutation UploadPhoto($file: File!) {
  uploadPhoto(file: $file) {
    id
    url
    thumbnailUrl
    width
    height
  }
}`;
const WISH_PHOTOS = `query WishPhotos($id: ID!) {
  wish(id: $id) {
    id
    photos {
      id
      stage
      url
      thumbnailUrl
    }
  }
}`;

const photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wishgrid-photos-'));
afterAll(() => fs.rmSync(photoDir, { recursive: true, force: true }));
const localStorage: PhotoStorageConfig = { kind: 'local', dir: photoDir };

const it = harnessTest.override('harnessOptions', { config: { photoStorage: localStorage } });

interface UploadResult {
  status: number;
  body: {
    data?: { uploadPhoto: { id: string; url: string; thumbnailUrl: string; width: number; height: number } } | null;
    errors?: { message: string; extensions?: { code?: string; field?: string } }[];
  };
}

/** One GraphQL multipart request (operations, map, the file as part "0"), as a browser or mini-program sends it. */
async function upload(
  url: string,
  token: string,
  data: Buffer,
  opts: { name?: string; type?: string; preflight?: boolean } = {},
): Promise<UploadResult> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: UPLOAD_PHOTO, variables: { file: null } }));
  form.append('map', JSON.stringify({ '0': ['variables.file'] }));
  form.append('0', new File([new Uint8Array(data)], opts.name ?? 'photo.jpg', { type: opts.type ?? 'image/jpeg' }));
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(opts.preflight === false ? {} : { 'graphql-require-preflight': '1' }),
    },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as UploadResult['body'] };
}

async function uploaded(url: string, token: string, data: Buffer) {
  const res = await upload(url, token, data);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data?.uploadPhoto as NonNullable<UploadResult['body']['data']>['uploadPhoto'];
}

/** A JPEG 64×32 whose EXIF says: turn it 90° (orientation 6), made by "TestCam", taken at a GPS position. */
function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 32, channels: 3, background: '#c33' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'TestCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' },
    })
    .toBuffer();
}

const plainJpeg = (color = '#3a6') =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: color } })
    .jpeg()
    .toBuffer();

/** The GPS IFD pointer tag (0x8825) of a little-endian EXIF block. */
const GPS_TAG = Buffer.from([0x25, 0x88]);

/** A fetch of a photo URL (root-relative) from the server at `base`. */
const fetchPhoto = (base: string, url: string) => fetch(new URL(url, base));

async function signingKey(h: Harness): Promise<Buffer> {
  const { rows } = await h.db.query('select secret from photo_url_key where id = 1');
  return Buffer.from(rows[0].secret as string, 'utf8');
}

async function submitWithPhotos(h: Harness, token: string, photoIds: string[]) {
  return h.gql(
    `mutation($input: SubmitWishInput!) { submitWish(input: $input) { wish { id } } }`,
    { input: { title: '楼道灯坏了', description: '三楼楼道灯不亮', categoryCode: 'repairs', photoIds } },
    token,
  );
}

const wishCount = async (h: Harness) => (await h.db.query('select count(*)::int as n from wish')).rows[0].n as number;
const photoRow = async (h: Harness, id: string) =>
  (await h.db.query('select * from photo where id = $1', [decodeId('Photo', id)])).rows[0];

describe('uploadPhoto over the GraphQL multipart request specification', () => {
  it('refuses a multipart request without the preflight header (CSRF) with a code, and creates nothing', async ({
    h,
  }) => {
    const token = await h.login('resident.wenxiangyuan.1');
    const before = (await h.db.query('select count(*)::int as n from photo')).rows[0].n;
    const res = await upload(h.url, token, await plainJpeg(), { preflight: false });
    expect(res.status).toBe(403);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect((await h.db.query('select count(*)::int as n from photo')).rows[0].n).toBe(before);
  });

  it('stores a JPEG upright, re-encoded, without its EXIF and GPS, with a thumbnail', async ({ h }) => {
    const original = await jpegWithGps();
    const exif = (await sharp(original).metadata()).exif as Buffer;
    expect(exif.includes(GPS_TAG)).toBe(true); // the test image does carry GPS
    const token = await h.login('resident.wenxiangyuan.1');
    const photo = await uploaded(h.url, token, original);
    // Orientation 6: the 64×32 image stands upright as 32×64.
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 32, height: 64 });
    expect(photo.url).toMatch(/^\/photos\/\d+\/full\?expires=\d+&signature=[\w-]{43}$/);

    const row = await photoRow(h, photo.id);
    expect(row.wish_id).toBeNull();
    const stored = fs.readFileSync(path.join(photoDir, row.storage_key));
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(GPS_TAG)).toBe(false);
    expect(stored.includes(Buffer.from('TestCam'))).toBe(false);

    const served = await fetchPhoto(h.url, photo.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('cache-control')).toMatch(/^private, max-age=\d+, immutable$/);
    const body = Buffer.from(await served.arrayBuffer());
    expect(body.equals(stored)).toBe(true);
    const thumb = await fetchPhoto(h.url, photo.thumbnailUrl);
    expect(thumb.status).toBe(200);
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).exif).toBeUndefined();
  });

  it('accepts PNG and WebP by their content, whatever their name', async ({ h }) => {
    const token = await h.login('resident.wenxiangyuan.1');
    const png = await sharp({ create: { width: 20, height: 10, channels: 4, background: '#0000' } })
      .png()
      .toBuffer();
    const webp = await sharp({ create: { width: 12, height: 24, channels: 3, background: '#00f' } })
      .webp()
      .toBuffer();
    expect(await uploaded(h.url, token, png)).toMatchObject({ width: 20, height: 10 });
    const res = await upload(h.url, token, webp, { name: 'notes.txt', type: 'text/plain' });
    expect(res.body.data?.uploadPhoto).toMatchObject({ width: 12, height: 24 });
  });

  it('takes a 12-megapixel photo of several MiB and stores it at most 2560 px on its longer side', async ({ h }) => {
    const noise = await sharp({
      create: {
        width: 1000,
        height: 750,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 50 },
      },
    })
      .png()
      .toBuffer();
    const camera = await sharp(noise).resize(4000, 3000, { kernel: 'nearest' }).jpeg({ quality: 97 }).toBuffer();
    expect(camera.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(camera.length).toBeLessThan(10 * 1024 * 1024);
    const photo = await uploaded(h.url, await h.login('resident.wenxiangyuan.1'), camera);
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 2560, height: 1920 });
    const thumb = Buffer.from(await (await fetchPhoto(h.url, photo.thumbnailUrl)).arrayBuffer());
    expect(await sharp(thumb).metadata()).toMatchObject({ width: 400, height: 300 });
  });

  it('refuses a text file named .jpg, a truncated JPEG and an undecodable HEIC, naming file', async ({ h }) => {
    const token = await h.login('resident.wenxiangyuan.1');
    const before = (await h.db.query('select count(*)::int as n from photo')).rows[0].n;
    const text = await upload(h.url, token, Buffer.from('这不是图片 — just some text\n'.repeat(20)));
    expect(text.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(text.body.errors?.[0]?.message).toMatch(/JPEG, PNG, WebP or HEIC/);

    const jpeg = await plainJpeg();
    const truncated = await upload(h.url, token, jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    expect(truncated.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });

    // An ISO-BMFF "ftyp heic" file: this sharp build (libheif without an HEVC decoder) cannot decode HEIC.
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
      Buffer.alloc(200, 7),
    ]);
    const refused = await upload(h.url, token, heic, { name: 'IMG_0001.HEIC', type: 'image/heic' });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(refused.body.errors?.[0]?.message).toMatch(/HEIC images cannot be read by this server/);
    expect((await h.db.query('select count(*)::int as n from photo')).rows[0].n).toBe(before);
  });

  it('refuses 11 MiB from its Content-Length, and a file just over 10 MiB, naming file', async ({ h }) => {
    const token = await h.login('resident.wenxiangyuan.1');
    const big = await upload(h.url, token, Buffer.alloc(11 * 1024 * 1024, 1));
    expect(big.status).toBe(413);
    expect(big.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    // Within the request limit (10 MiB + the operation's allowance) but over 10 MiB as a file.
    const over = await upload(h.url, token, Buffer.concat([await plainJpeg(), Buffer.alloc(10 * 1024 * 1024, 0)]));
    expect(over.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(over.body.errors?.[0]?.message).toMatch(/at most 10 MiB/);
  });

  it('refuses a decompression bomb (a PNG that claims 20000×20000 pixels) before decoding it', async ({ h }) => {
    const token = await h.login('resident.wenxiangyuan.1');
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    // IHDR: length(4) "IHDR"(4) width(4) height(4) …; its CRC covers type and data (17 bytes from offset 12).
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
    const res = await upload(h.url, token, png, { name: 'bomb.png', type: 'image/png' });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(res.body.errors?.[0]?.message).toMatch(/too many pixels/);
  });

  it('refuses a File value sent as JSON, naming file', async ({ h }) => {
    const token = await h.login('resident.wenxiangyuan.1');
    const res = await h.gql(UPLOAD_PHOTO, { file: 'not a file' }, token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
  });

  it('refuses a display screen (FORBIDDEN)', async ({ h }) => {
    const res = await upload(h.url, await h.login('screen.hongshun'), await plainJpeg());
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a slow upload', () => {
  it('is not cut by the request deadline while its body arrives: the deadline bounds the work after it', async ({
    h,
  }) => {
    const databaseName = new URL(h.databaseUrl).pathname.slice(1);
    const slow = await startHarness({ databaseName, config: { photoStorage: localStorage, requestTimeoutMs: 2_500 } });
    try {
      const token = await slow.login('resident.wenxiangyuan.1');
      const boundary = 'wishgrid-test-boundary';
      const image = await plainJpeg();
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({
            query: UPLOAD_PHOTO,
            variables: { file: null },
          })}\r\n--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="slow.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        image,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const started = Date.now();
      const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(`${slow.url}/graphql`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'graphql-require-preflight': '1',
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': String(body.length),
          },
        });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (c) => {
            text += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        // A poor connection: the body in five parts, 800 ms apart (3.2 s in all, longer than the deadline).
        const step = Math.ceil(body.length / 5);
        const send = (i: number) => {
          req.write(body.subarray(i * step, (i + 1) * step));
          if (i < 4) setTimeout(() => send(i + 1), 800);
          else req.end();
        };
        send(0);
      });
      expect(Date.now() - started).toBeGreaterThan(3_000);
      expect(answer.status, answer.text).toBe(200);
      expect(JSON.parse(answer.text).data.uploadPhoto).toMatchObject({ width: 40, height: 30 });
    } finally {
      await slow.stop();
    }
  });
});

describe('attaching photos to wishes', () => {
  it('attaches up to 9 own unattached photos with submitWish, and refuses 10, others’ and attached ones', async ({
    h,
  }) => {
    const token = await h.login('resident.wenxiangyuan.1');
    const other = await h.login('resident.wenxiangyuan.2');
    const mine = [await uploaded(h.url, token, await plainJpeg()), await uploaded(h.url, token, await jpegWithGps())];
    const before = await wishCount(h);

    const ten = await submitWithPhotos(
      h,
      token,
      Array.from({ length: 10 }, () => mine[0]?.id as string),
    );
    expect(ten.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'photoIds' });
    const notMine = await submitWithPhotos(h, other, [mine[0]?.id as string]);
    expect(notMine.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'photoIds' });
    const malformed = await submitWithPhotos(h, token, ['bm8tc3VjaA']);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'photoIds' });
    expect(await wishCount(h)).toBe(before);

    const ok = await submitWithPhotos(
      h,
      token,
      mine.map((p) => p.id),
    );
    expect(ok.errors).toBeUndefined();
    const wishId = ok.data.submitWish.wish.id;
    const again = await submitWithPhotos(h, token, [mine[1]?.id as string]);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'photoIds' });
    expect(again.errors?.[0]?.message).toMatch(/already attached/);
    expect(await wishCount(h)).toBe(before + 1);

    const shown = await h.gql(WISH_PHOTOS, { id: wishId }, token);
    expect(shown.data.wish.photos.map((p: { id: string; stage: string }) => [p.id, p.stage])).toEqual(
      mine.map((p) => [p.id, 'SUBMITTED']),
    );
  });

  it('attaches the work done with resolveWish (RESOLVED), in the same transaction as the resolution', async ({
    h,
    world,
  }) => {
    const wish = await world.submit('resident.wenxiangyuan.1');
    await world.dispatchAccepted('wenxiangyuan.secretary', wish.id, 'member.wenxiangyuan.1');
    const member = await h.login('member.wenxiangyuan.1');
    const resolve = (photoIds: string[]) =>
      h.gql(
        'mutation($input: ResolveWishInput!) { resolveWish(input: $input) { wish { id status } } }',
        { input: { wishId: wish.id, note: '已修好', photoIds } },
        member,
      );
    const residents = await uploaded(h.url, await h.login('resident.wenxiangyuan.1'), await plainJpeg());
    const refused = await resolve([residents.id]);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'photoIds' });
    expect((await world.as('member.wenxiangyuan.1', WISH_PHOTOS, { id: wish.id })).data.wish.photos).toEqual([]);

    const done = await uploaded(h.url, member, await plainJpeg('#a50'));
    const res = await resolve([done.id]);
    expect(res.errors).toBeUndefined();
    expect(res.data.resolveWish.wish.status).toBe('RESOLVED');
    const shown = await world.as('resident.wenxiangyuan.1', WISH_PHOTOS, { id: wish.id });
    expect(shown.data.wish.photos).toMatchObject([{ id: done.id, stage: 'RESOLVED' }]);
  });
});

describe('photo URLs', () => {
  it('work for the resident and the secretary, and are issued to no other resident nor a display screen', async ({
    h,
    world,
  }) => {
    const resident = await h.login('resident.wenxiangyuan.1');
    const photo = await uploaded(h.url, resident, await plainJpeg());
    const wishId = (await submitWithPhotos(h, resident, [photo.id])).data.submitWish.wish.id;

    for (const who of ['resident.wenxiangyuan.1', 'wenxiangyuan.secretary', 'hongshun.secretary']) {
      const res = await world.as(who, WISH_PHOTOS, { id: wishId });
      const [shown] = res.data.wish.photos;
      expect(shown.id, who).toBe(photo.id);
      expect((await fetchPhoto(h.url, shown.url)).status, who).toBe(200);
      expect((await fetchPhoto(h.url, shown.thumbnailUrl)).status, who).toBe(200);
    }
    for (const who of ['resident.wenxiangyuan.2', 'resident.financial.1', 'financial.secretary']) {
      expect((await world.as(who, WISH_PHOTOS, { id: wishId })).data.wish, who).toBeNull();
    }
    const screen = await world.as('screen.hongshun', WISH_PHOTOS, { id: wishId });
    expect(screen.data.wish).toEqual({ id: wishId, photos: [] });
  });

  it('are refused (403, no detail) once tampered with or expired; a gone photo is 404', async ({ h }) => {
    const token = await h.login('resident.wenxiangyuan.1');
    const photo = await uploaded(h.url, token, await plainJpeg());
    const id = decodeId('Photo', photo.id) as number;
    const key = await signingKey(h);
    const signed = (photoId: number, variant: 'full' | 'thumb', expires: number) =>
      `/photos/${photoId}/${variant}?expires=${expires}&signature=${photoSignature(key, photoId, variant, expires)}`;
    const now = Math.floor(Date.now() / 1000);
    // The test signs as the server does: a URL valid for another minute works…
    expect((await fetchPhoto(h.url, signed(id, 'full', now + 60))).status).toBe(200);
    // …one that expired a second ago does not.
    const expired = await fetchPhoto(h.url, signed(id, 'full', now - 1));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toBe('Forbidden');

    const url = new URL(photo.url, h.url);
    const signature = url.searchParams.get('signature') as string;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    const tampered = [
      photo.url.replace(signature, flipped),
      photo.url.replace(`/${id}/`, `/${id + 1}/`),
      photo.url.replace('/full?', '/thumb?'),
      photo.url.replace(/expires=(\d+)/, (_m, e) => `expires=${Number(e) + 600}`),
      photo.url.split('?')[0] as string,
    ];
    for (const wrong of tampered) expect((await fetchPhoto(h.url, wrong)).status, wrong).toBe(403);
    expect((await fetchPhoto(h.url, signed(2_000_000_000, 'full', now + 60))).status).toBe(404);
    expect((await fetch(new URL(photo.url, h.url), { method: 'POST' })).status).toBe(405);
  });
});

describe('the sweep of unattached uploads', () => {
  it('deletes uploads unattached for 24 hours, from the storage too, and keeps attached and recent ones', async ({
    h,
  }) => {
    const token = await h.login('resident.wenxiangyuan.1');
    const [old, attached, recent] = [
      await uploaded(h.url, token, await plainJpeg()),
      await uploaded(h.url, token, await plainJpeg()),
      await uploaded(h.url, token, await plainJpeg()),
    ] as const;
    await submitWithPhotos(h, token, [attached.id]);
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    await h.db.query('update photo set created_at = $1 where id = any($2::int[])', [
      dayAgo,
      [old.id, attached.id].map((id) => decodeId('Photo', id)),
    ]);
    const oldRow = await photoRow(h, old.id);
    const files = [oldRow.storage_key, oldRow.thumbnail_key].map((k: string) => path.join(photoDir, k));
    expect(files.every((f) => fs.existsSync(f))).toBe(true);

    await runSweeps(h.app.orm.em.fork(), {
      now: new Date(),
      autoCloseDays: 7,
      finishAfterHours: 24,
      publishWish: (e) => h.app.hub.publish(e),
      publishActivity: (id) => h.app.hub.publishActivity(id),
      photoStorage: photoStorageFor(localStorage),
    });
    expect(await photoRow(h, old.id)).toBeUndefined();
    expect(files.some((f) => fs.existsSync(f))).toBe(false);
    expect((await fetchPhoto(h.url, old.url)).status).toBe(404);
    for (const kept of [attached, recent]) {
      expect(await photoRow(h, kept.id)).toBeDefined();
      expect((await fetchPhoto(h.url, kept.url)).status).toBe(200);
    }
  });
});

/** s3rver, an S3-protocol server from npm, as its own process on a free port, with one bucket. */
const s3it = it.extend('s3', { scope: 'file' }, async ({ h: _ }, { onCleanup }) => {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wishgrid-s3rver-'));
  const bin = path.join(ROOT_DIR, 'node_modules/s3rver/bin/s3rver.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, '-d', dir, '-a', '127.0.0.1', '-p', String(port), '--silent', '--configure-bucket', 'wishgrid-photos'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  onCleanup(async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  // Ready when it answers (any HTTP status) on its port.
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(endpoint);
      break;
    } catch (err) {
      if (attempt > 200 || child.exitCode !== null) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const config: PhotoStorageConfig = {
    kind: 's3',
    endpoint,
    bucket: 'wishgrid-photos',
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return config;
});

/** The keys in the bucket, read with a client of its own. */
async function bucketKeys(config: PhotoStorageConfig): Promise<string[]> {
  if (config.kind !== 's3') throw new Error('not S3');
  const client = new S3Client({
    endpoint: config.endpoint as string,
    region: config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
  try {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: 'photos/' }));
    return (listed.Contents ?? []).map((o) => o.Key as string);
  } finally {
    client.destroy();
  }
}

describe('S3-compatible storage', () => {
  s3it('two replicas on one database and one bucket serve each other’s photos', async ({ h, s3 }) => {
    const databaseName = new URL(h.databaseUrl).pathname.slice(1);
    const a = await startHarness({ databaseName, config: { photoStorage: s3 } });
    const b = await startHarness({ databaseName, config: { photoStorage: s3 } });
    try {
      const token = await a.login('resident.wenxiangyuan.1');
      const photo = await uploaded(a.url, token, await jpegWithGps());
      const row = await photoRow(a, photo.id);
      // In the bucket, not on the local disk.
      expect(fs.existsSync(path.join(photoDir, row.storage_key))).toBe(false);
      expect(await bucketKeys(s3)).toEqual(expect.arrayContaining([row.storage_key, row.thumbnail_key]));

      const fromB = await fetchPhoto(b.url, photo.url);
      expect(fromB.status).toBe(200);
      expect(fromB.headers.get('content-type')).toBe('image/jpeg');
      const body = Buffer.from(await fromB.arrayBuffer());
      expect(await sharp(body).metadata()).toMatchObject({ format: 'jpeg', width: 32, height: 64 });
      expect(body.includes(GPS_TAG)).toBe(false);
      // B attaches A's upload to a wish and A shows it.
      const tokenB = await b.login('resident.wenxiangyuan.1');
      const wishId = (await submitWithPhotos(b, tokenB, [photo.id])).data.submitWish.wish.id;
      const shown = await a.gql(WISH_PHOTOS, { id: wishId }, token);
      expect((await fetchPhoto(a.url, shown.data.wish.photos[0].thumbnailUrl)).status).toBe(200);

      // The sweep deletes from the bucket.
      const stale = await uploaded(b.url, tokenB, await plainJpeg());
      await a.db.query(`update photo set created_at = now() - interval '25 hours' where id = $1`, [
        decodeId('Photo', stale.id),
      ]);
      const staleRow = await photoRow(a, stale.id);
      expect(await bucketKeys(s3)).toEqual(expect.arrayContaining([staleRow.storage_key, staleRow.thumbnail_key]));
      await runSweeps(a.app.orm.em.fork(), {
        now: new Date(),
        autoCloseDays: 7,
        finishAfterHours: 24,
        publishWish: () => undefined,
        publishActivity: () => undefined,
        photoStorage: photoStorageFor(s3),
      });
      expect((await fetchPhoto(b.url, stale.url)).status).toBe(404);
      const left = await bucketKeys(s3);
      expect(left).not.toContain(staleRow.storage_key);
      expect(left).not.toContain(staleRow.thumbnail_key);
      expect(left).toContain(row.storage_key);
      expect((await fetchPhoto(b.url, photo.url)).status).toBe(200);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
