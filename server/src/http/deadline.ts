/**
 * The request deadline (REQUEST_TIMEOUT_MS): every HTTP request gets an answer within it, whatever the database
 * does. Shortly before it, the request's database work is cut (db/faults.ts `Deadline`: statements in flight
 * fail, their connections are destroyed so their transactions roll back, nothing more is sent, and a COMMIT sent
 * earlier carries a cutoff the server enforces), so the GraphQL answer is SERVICE_UNAVAILABLE with HTTP 503.
 * If no answer has started by the deadline itself, this module sends that answer.
 *
 * A client that goes away before its answer ends the request's database work the same way: what it asked
 * for is not done behind its back.
 */
import type http from 'node:http';
import { Deadline, SERVICE_UNAVAILABLE_MESSAGE, withDeadline } from '../db/faults.ts';
import { currentRequestId } from './request-id.ts';

/** The database work stops this long before the deadline, so its error still makes the answer in time. */
const CUT_BEFORE_MS = 500;

function answerUnavailable(res: http.ServerResponse): void {
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '5' });
  res.end(
    JSON.stringify({
      errors: [
        {
          message: SERVICE_UNAVAILABLE_MESSAGE,
          extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5, requestId: currentRequestId() },
        },
      ],
    }),
  );
}

/** Runs `handle` (which answers `res`) under the request deadline; see the module comment. */
export function answerWithinDeadline(res: http.ServerResponse, timeoutMs: number, handle: () => unknown): void {
  const cutAfter = Math.max(timeoutMs - CUT_BEFORE_MS, Math.floor(timeoutMs / 2));
  const deadline = new Deadline(Date.now() + cutAfter);
  // An answer already under way (a subscription streamed over HTTP) is not cut: it keeps the statement limits.
  const cut = setTimeout(() => (res.headersSent ? deadline.lift() : deadline.expire()), cutAfter);
  const answer = setTimeout(() => answerUnavailable(res), timeoutMs);
  res.once('close', () => {
    clearTimeout(cut);
    clearTimeout(answer);
    // Gone before its answer was written: the request's database work ends here.
    if (!res.writableFinished) deadline.expire();
  });
  withDeadline(deadline, async () => await handle()).catch(() => answerUnavailable(res));
}
