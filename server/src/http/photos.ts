/**
 * GET /photos/<id>/<full|thumb>?expires=…&signature=… streams a photo from the photo storage. The signed URL is
 * the permission (it was issued only to a viewer who may see the photo, see domain/photos/photo.urls.ts): a
 * tampered, malformed or expired one is 403, a photo that is gone 404, both without a word of why.
 */
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import { isDatabaseUnavailable } from '../db/faults.ts';
import { loadPhotoUrlKey, verifyPhotoUrl } from '../domain/photos/photo.urls.ts';
import type { Logger } from '../logger.ts';
import type { PhotoStorage } from '../storage/photo-storage.ts';

export interface PhotoRoute {
  /** Answers (and returns true) for a request under /photos/. */
  serve(req: http.IncomingMessage, res: http.ServerResponse): boolean;
}

function bare(res: http.ServerResponse, status: number): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : status === 405 ? 'Method Not Allowed' : '');
}

export function photoRoute(opts: { orm: MikroORM; storage: () => PhotoStorage; logger: Logger }): PhotoRoute {
  let key: Promise<Buffer> | null = null;
  const signingKey = () => {
    key ??= loadPhotoUrlKey(opts.orm.em.fork()).catch((err) => {
      key = null;
      throw err;
    });
    return key;
  };

  async function answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return bare(res, 405);
    }
    const now = Date.now();
    const request = verifyPhotoUrl(await signingKey(), req.url ?? '', now);
    if (!request) return bare(res, 403);
    const [row] = await opts.orm.em
      .fork()
      .execute<{ storage_key: string; thumbnail_key: string; content_type: string }[]>(
        'select storage_key, thumbnail_key, content_type from photo where id = ?',
        [request.photoId],
      );
    if (!row) return bare(res, 404);
    const stored = await opts.storage().get(request.variant === 'full' ? row.storage_key : row.thumbnail_key);
    if (!stored) return bare(res, 404);
    // Cached by the browser until the URL expires (the content under a URL never changes), never by a shared cache.
    const maxAge = Math.max(0, Math.min(request.expires - Math.floor(now / 1000), 86_400));
    res.writeHead(200, {
      'content-type': row.content_type,
      'content-length': String(stored.size),
      'cache-control': `private, max-age=${maxAge}, immutable`,
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
      'content-security-policy': "default-src 'none'",
    });
    if (req.method === 'HEAD') {
      stored.body.destroy();
      res.end();
      return;
    }
    await pipeline(stored.body, res);
  }

  return {
    serve(req, res) {
      const url = req.url ?? '';
      if (!url.startsWith('/photos/')) return false;
      answer(req, res).catch((err) => {
        if (res.headersSent) {
          res.destroy();
        } else {
          if (!isDatabaseUnavailable(err)) opts.logger.error({ err }, 'photo not served');
          bare(res, 503);
        }
      });
      return true;
    },
  };
}
