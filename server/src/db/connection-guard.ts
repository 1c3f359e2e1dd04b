/**
 * Every pooled PostgreSQL connection is guarded (the pool's afterCreate hook):
 *
 * - A statement gets an answer within its time — the statement timeout plus a second (PostgreSQL's own
 *   statement_timeout ends it first while the server works), or what is left of the request's deadline —
 *   or its connection is destroyed and the statement fails with DatabaseUnavailableError. A stopped
 *   (SIGSTOP) or unreachable server cannot make a request wait longer than that; destroying the connection
 *   rolls back its transaction.
 * - After the deadline nothing more is sent for the request.
 * - A COMMIT carries a cutoff: PostgreSQL refuses it if it only gets to it later (a COMMIT already written
 *   to a stopped server's socket would otherwise be carried out when the server resumes, after the client
 *   was told the request failed). The cutoff is a short window after sending, and always earlier than
 *   the moment the client is told, whatever the clocks of the two hosts say (the offset is measured when
 *   the connection opens).
 * - Connection-level failures become DatabaseUnavailableError (no address or driver message reaches a
 *   client) and the connection is discarded.
 */
import type net from 'node:net';
import { asDatabaseUnavailable, currentDeadline, DatabaseUnavailableError } from './faults.ts';

/** A PostgreSQL refusal of a late COMMIT: SQLSTATE 57014 (query_canceled), like a statement timeout. */
const LATE_COMMIT = 'wishgrid: commit arrived after its cutoff';
/** A COMMIT is refused when PostgreSQL starts on it later than this after it was sent. */
const COMMIT_WINDOW_MS = 2_000;
/** Between the server's cutoff and the client's verdict, so the two never cross. */
const MARGIN_MS = 1_000;

type Callback = (err: Error | null, result?: unknown) => void;
type QueryFn = (...args: unknown[]) => unknown;

/** The parts of a pg Client that the guard uses (pg's own types do not show the socket). */
interface PgClient {
  query: QueryFn;
  connection?: { stream?: net.Socket };
}

export interface GuardOptions {
  statementTimeoutMs: number;
  /** Told whenever a statement found the database unreachable (the availability monitor probes at once). */
  onUnavailable?: (reason: string) => void;
}

/** Connections the guard destroyed: the pool's validate hook drops them instead of lending them again. */
const discarded = new WeakSet<object>();
export const isDiscarded = (connection: object): boolean => discarded.has(connection);

const isCommit = (text: string) => /^\s*commit\s*;?\s*$/i.test(text);

/** The COMMIT that PostgreSQL refuses after `cutoff` (epoch ms in the server's clock). */
function commitWithCutoff(cutoff: number): string {
  const at = new Date(cutoff).toISOString();
  return `DO $guard$ BEGIN IF clock_timestamp() > '${at}'::timestamptz THEN RAISE EXCEPTION USING ERRCODE = '57014', MESSAGE = '${LATE_COMMIT}'; END IF; END $guard$; COMMIT;`;
}

/**
 * Wraps `client.query` (knex calls it with a callback; promises and submittables are handled too) and measures
 * the server clock's offset. Calls `done` when the connection is ready for the pool.
 */
export function guardConnection(client: PgClient, options: GuardOptions, done: (err: Error | null) => void): void {
  const original = client.query.bind(client) as QueryFn;
  let destroyed = false;
  /** Server clock minus ours, in ms (0 until measured). */
  let clockOffset = 0;

  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    discarded.add(client);
    const socket = client.connection?.stream;
    // A reset, not a polite end: the server must not wait for more of this session.
    if (socket && typeof socket.resetAndDestroy === 'function' && !socket.destroyed) socket.resetAndDestroy();
    else socket?.destroy();
  };

  function guarded(...args: unknown[]): unknown {
    const config = args[0] as { submit?: unknown; text?: string } | string;
    // Streams (submittables) manage their own lifecycle; nothing here uses them.
    if (config && typeof config === 'object' && typeof config.submit === 'function') return original(...args);
    const callbackIndex = args.findIndex((a) => typeof a === 'function');
    if (callbackIndex === -1) {
      return new Promise((resolve, reject) => {
        guarded(...args, (err: Error | null, result: unknown) => (err ? reject(err) : resolve(result)));
      });
    }
    const callback = args[callbackIndex] as Callback;
    const deadline = currentDeadline();
    const now = Date.now();
    let budget =
      deadline && !deadline.statementLimit ? Number.POSITIVE_INFINITY : options.statementTimeoutMs + MARGIN_MS;
    if (deadline) budget = Math.min(budget, deadline.at - now);

    const fail = (err: DatabaseUnavailableError) => {
      deadline?.noteFailure(err);
      setImmediate(() => callback(err));
    };
    if (destroyed) {
      fail(new DatabaseUnavailableError('connection already discarded'));
      return undefined;
    }
    if (deadline?.expired || budget <= 0) {
      // The request is out of time: nothing more is sent, and its transaction (if any) is rolled back.
      destroy();
      fail(new DatabaseUnavailableError('request deadline passed before the statement was sent'));
      return undefined;
    }

    let text = typeof config === 'string' ? config : (config?.text ?? '');
    const commit = isCommit(text);
    if (commit && Number.isFinite(budget)) {
      const cutoff = Math.min(now + COMMIT_WINDOW_MS, now + budget - MARGIN_MS);
      if (cutoff <= now) {
        destroy();
        fail(new DatabaseUnavailableError('request deadline too close to commit'));
        return undefined;
      }
      text = commitWithCutoff(cutoff + clockOffset);
      args[0] = typeof config === 'string' ? text : { ...config, text };
    }

    let settled = false;
    let timer: NodeJS.Timeout | null = null;
    let untrack: () => unknown = () => undefined;
    const settle = (err: Error | null, result?: unknown) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      untrack();
      if (err) {
        const down =
          destroyed && !(err instanceof DatabaseUnavailableError)
            ? new DatabaseUnavailableError(err.message)
            : asDatabaseUnavailable(err);
        // A statement timeout leaves a healthy session (the caller rolls back); any other failure of that kind
        // or of a COMMIT leaves a session in an unknown state, which is not reused.
        const healthy = (err as { code?: unknown }).code === '57014' && !commit;
        if (commit || (down && !healthy)) destroy();
        if (down) {
          options.onUnavailable?.(down.reason);
          deadline?.noteFailure(down);
          callback(down);
          return;
        }
        callback(err);
        return;
      }
      // The cutoff check and the COMMIT answer as two results: the caller asked for one.
      callback(null, commit && Array.isArray(result) ? result[result.length - 1] : result);
    };
    const cut = (reason: string) => {
      if (settled) return;
      destroy();
      settle(new DatabaseUnavailableError(reason));
    };
    const statementEnds =
      deadline && !deadline.statementLimit ? Number.POSITIVE_INFINITY : now + options.statementTimeoutMs + MARGIN_MS;
    const arm = (ms: number) => {
      timer = setTimeout(() => {
        // An answer that arrived while the event loop was busy is read first (I/O comes before setImmediate).
        setImmediate(() => {
          // The request's deadline may have been lifted meanwhile (its answer became a stream).
          const left = Math.min(statementEnds, deadline?.at ?? Number.POSITIVE_INFINITY) - Date.now();
          if (left > 0 && Number.isFinite(left)) arm(left);
          else if (left > 0) timer = null;
          else cut('statement did not answer in time');
        });
      }, ms);
    };
    if (Number.isFinite(budget)) arm(budget);
    if (deadline) untrack = deadline.track(() => cut('request deadline passed'));
    args[callbackIndex] = settle;
    return original(...args);
  }

  client.query = guarded;

  // The server clock's offset, so a COMMIT's cutoff is expressed in the server's time.
  const sentAt = Date.now();
  guarded(
    'select (extract(epoch from clock_timestamp()) * 1000)::float8 as now',
    (err: Error | null, result: unknown) => {
      if (err) {
        done(err);
        return;
      }
      const receivedAt = Date.now();
      const serverNow = Number((result as { rows: { now: number }[] }).rows[0]?.now);
      if (Number.isFinite(serverNow)) clockOffset = Math.round(serverNow - (sentAt + receivedAt) / 2);
      done(null);
    },
  );
}
