/** Probes for orchestrators and proxies: /healthz (the process answers and reaches its database). */
import type http from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';

/** Answers the probe paths; false for any other path. */
export function serveHealth(url: string, res: http.ServerResponse, orm: MikroORM): boolean {
  if (url !== '/healthz') return false;
  orm.em
    .fork()
    .execute('select 1')
    .then(
      () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok"}');
      },
      () => {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"status":"database unavailable"}');
      },
    );
  return true;
}
