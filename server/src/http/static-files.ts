/** The built web front-ends: the staff panel at /admin and the display screens at /screen/<orgUnitId>. */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { ROOT_DIR } from '../config.ts';

const ADMIN_DIST = path.join(ROOT_DIR, 'admin/dist');
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * The built panel at /admin (a single-page app: unknown paths get index.html) and the display screens at
 * /screen/<orgUnitId> (their own page, screen.html). Decoded paths never leave admin/dist.
 */
export function serveAdmin(url: string, res: http.ServerResponse): boolean {
  const pathname = url.split('?')[0] ?? '';
  const isScreen = pathname === '/screen' || pathname.startsWith('/screen/');
  if (!pathname.startsWith('/admin') && !isScreen) return false;
  if (!fs.existsSync(ADMIN_DIST)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The admin panel is not built: run `npm run build:admin`.');
    return true;
  }
  let file: string;
  if (isScreen) {
    file = path.join(ADMIN_DIST, 'screen.html');
  } else {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname.replace(/^\/admin\/?/, ''));
    } catch {
      rel = '';
    }
    file = path.normalize(path.join(ADMIN_DIST, rel));
    if (!file.startsWith(ADMIN_DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(ADMIN_DIST, 'index.html');
    }
  }
  if (!fs.existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return true;
  }
  // Hashed assets never change; the pages themselves must be re-read after a deploy.
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, {
    'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': cache,
  });
  fs.createReadStream(file).pipe(res);
  return true;
}
