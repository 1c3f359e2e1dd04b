/**
 * Photo uploads (GraphQL multipart requests) arrive at the pace of the client's network: a 10 MiB photo over a
 * poor mobile connection takes longer than the request deadline (REQUEST_TIMEOUT_MS) allows for the work. So the
 * body of an upload is received first — bounded by its Content-Length, which hardening.ts has checked, and by
 * UPLOAD_RECEIVE_MS — and the deadline starts once it is all here: it bounds the server's work, not the network.
 */
import type http from 'node:http';
import { Readable } from 'node:stream';

/** How long a client may take to send an upload's body. */
export const UPLOAD_RECEIVE_MS = 5 * 60_000;

/** A GraphQL multipart request to the GraphQL endpoint. */
export function isUploadRequest(req: http.IncomingMessage): boolean {
  const path = (req.url ?? '').split('?')[0];
  return (
    req.method === 'POST' &&
    path === '/graphql' &&
    (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data')
  );
}

/**
 * Receives the body of an upload, then calls `handle` with it in place (as `req.body`, which the GraphQL server
 * reads instead of the consumed stream); a client that goes away or stalls gets nothing more (408 if it still
 * listens). The caller hands a request without the CSRF header straight on instead: it is refused unread.
 */
export function receiveUpload(req: http.IncomingMessage, res: http.ServerResponse, handle: () => void): void {
  const chunks: Buffer[] = [];
  const timer = setTimeout(() => {
    if (!res.headersSent) {
      res.writeHead(408, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      res.end('Request Timeout');
    }
    req.destroy();
  }, UPLOAD_RECEIVE_MS);
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.once('error', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.once('end', () => {
    clearTimeout(timer);
    // An object stream of one Buffer: read as the body by @whatwg-node/server (as it reads a framework's req.body).
    (req as http.IncomingMessage & { body?: unknown }).body = Readable.from([Buffer.concat(chunks)]);
    handle();
  });
}
