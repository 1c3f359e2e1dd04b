/** The built web front-ends: the staff panel at /admin, the display screens at /screen/<orgUnitId> and the public board at /public/<orgUnitId>. */
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
  '.webmanifest': 'application/manifest+json',
};

/** The app's own files at /app/… (built from admin/public/); any other /app path is the app's page. */
const APP_FILES: Record<string, string> = {
  '/app/sw.js': 'app-sw.js',
  '/app/manifest.webmanifest': 'app-manifest.webmanifest',
  '/app/icon-192.png': 'app-icon-192.png',
  '/app/icon-512.png': 'app-icon-512.png',
};

/**
 * The built panel at /admin (a single-page app: unknown paths get index.html) and the display screens at
 * /screen/<orgUnitId> (their own page, screen.html). Decoded paths never leave admin/dist.
 */
export function serveAdmin(url: string, res: http.ServerResponse): boolean {
  const pathname = url.split('?')[0] ?? '';
  const isScreen = pathname === '/screen' || pathname.startsWith('/screen/');
  // The public board: /public/<orgUnitId>, its own page (public.html), no login.
  const isPublic = pathname.startsWith('/public/');
  // The residents' and members' app: /app/ (its page app.html), with its service worker, manifest and icons.
  const isApp = pathname === '/app' || pathname.startsWith('/app/');
  if (!pathname.startsWith('/admin') && !isScreen && !isPublic && !isApp) return false;
  if (!fs.existsSync(ADMIN_DIST)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The admin panel is not built: run `npm run build:admin`.');
    return true;
  }
  let file: string;
  if (isScreen) {
    file = path.join(ADMIN_DIST, 'screen.html');
  } else if (isPublic) {
    file = path.join(ADMIN_DIST, 'public.html');
  } else if (isApp) {
    file = path.join(ADMIN_DIST, APP_FILES[pathname] ?? 'app.html');
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
