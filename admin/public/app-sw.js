// The app's service worker (served at /app/sw.js, scope /app/): the app shell — the page and its hashed
// assets — comes from the cache when the network is down. The API (/graphql) and photos are never cached.
const CACHE = 'wishgrid-app-v1';
const SHELL = '/app/';

/** The page and the scripts, styles and icons it names (hashed files under /admin/assets/). */
async function cacheShell() {
  const cache = await caches.open(CACHE);
  const page = await fetch(SHELL, { cache: 'no-store' });
  if (!page.ok) throw new Error(`app shell: HTTP ${page.status}`);
  const html = await page.clone().text();
  const assets = [...html.matchAll(/(?:src|href)="(\/(?:admin\/assets|app)\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll([...new Set(assets)]);
  await cache.put(SHELL, page);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The API and photos: straight to the network, never from or into the cache.
  if (url.pathname.startsWith('/graphql') || url.pathname.startsWith('/photos')) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/app')) {
    // Network first, so a deploy shows at once; the cached shell when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
          }
          return response;
        })
        .catch(() => caches.match(SHELL).then((cached) => cached || Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/admin/assets/') || url.pathname.startsWith('/app/')) {
    // Hashed assets never change: the cache first, the network (and the cache) otherwise.
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
