/**
 * Faults of the database, in one vocabulary: every way of not reaching PostgreSQL in time (refused, reset,
 * stopped, starting up, too slow, pool exhausted) becomes a `DatabaseUnavailableError`, which the transports
 * report as SERVICE_UNAVAILABLE (HTTP 503). And the request deadline: the moment after which a request's
 * database work is cut and nothing of it may commit.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What a client is told; the cause stays in `reason` (logged, never sent). */
export const SERVICE_UNAVAILABLE_MESSAGE =
  'The service is unavailable: the database did not answer in time. Retry later.';

export class DatabaseUnavailableError extends Error {
  /** Own properties, not getters: MikroORM copies a driver error's own properties onto its exception. */
  readonly databaseUnavailable = true;
  readonly extensions = { code: 'SERVICE_UNAVAILABLE' };
  readonly reason: string;

  constructor(reason: string) {
    super(SERVICE_UNAVAILABLE_MESSAGE);
    this.name = 'DatabaseUnavailableError';
    this.reason = reason;
  }
}

/** Connection-level failures of the socket (Node's error codes). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs that mean "not now": 08 connection exceptions, 53300 too many connections, 57014 a statement
 * cancelled (statement_timeout), 57P01–57P03 shutdown / crash / starting up, 25P03 and 25P04 a session ended
 * for idling in a transaction or lasting too long.
 */
const UNAVAILABLE_SQLSTATES = /^(08...|53300|57014|57P0[1-3]|25P0[34])$/;

/** What the pg driver and knex say when a connection is gone or never came. */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/i,
  /^timeout expired$/,
  /is not queryable/,
  /^Query read timeout/,
  /^Knex: Timeout acquiring a connection/,
  /^Unable to acquire a connection/,
];

/** Whether an error (or its cause, or the error it wraps) means the database could not be reached in time. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const e = error as Error & {
    databaseUnavailable?: unknown;
    code?: unknown;
    cause?: unknown;
    originalError?: unknown;
    previous?: unknown;
  };
  if (e.databaseUnavailable === true || e.name === 'KnexTimeoutError') return true;
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || UNAVAILABLE_SQLSTATES.test(e.code))) return true;
  if (DRIVER_MESSAGES.some((pattern) => pattern.test(e.message))) return true;
  return [e.cause, e.originalError, e.previous].some((inner) => inner !== e && isDatabaseUnavailable(inner, depth + 1));
}

/** The error as a DatabaseUnavailableError when it is one in substance; otherwise null. */
export function asDatabaseUnavailable(error: unknown): DatabaseUnavailableError | null {
  if (error instanceof DatabaseUnavailableError) return error;
  if (!isDatabaseUnavailable(error)) return null;
  return new DatabaseUnavailableError(error instanceof Error ? error.message : String(error));
}

/**
 * The time budget of one request (or of maintenance work, which has none). Database work of the request after
 * `at` is refused, a statement still running then is cut (its connection destroyed, so its transaction rolls
 * back), and a COMMIT is sent with a cutoff so that PostgreSQL refuses it if it only gets to it afterwards.
 */
export class Deadline {
  /** False for maintenance (migrations, seeding): statements may take as long as they take. */
  readonly statementLimit: boolean;
  #at: number;
  #expired = false;
  #failure: DatabaseUnavailableError | null = null;
  readonly #running = new Set<() => void>();

  constructor(at: number, options: { statementLimit?: boolean } = {}) {
    this.#at = at;
    this.statementLimit = options.statementLimit ?? true;
  }

  /** Epoch milliseconds; Infinity: no deadline. */
  get at(): number {
    return this.#at;
  }

  get expired(): boolean {
    return this.#expired || Date.now() >= this.#at;
  }

  /** No deadline any more (the answer became a stream, such as a subscription): statement limits still apply. */
  lift(): void {
    if (!this.#expired) this.#at = Number.POSITIVE_INFINITY;
  }

  /** Ends the request's database work now: statements in flight are cut, later ones refused. */
  expire(): void {
    this.#expired = true;
    for (const cut of this.#running) cut();
    this.#running.clear();
  }

  /**
   * The first time the database failed this work, if it did. What fails after that (knex reports a transaction
   * whose BEGIN was cut as "already complete") is a consequence: the transports report SERVICE_UNAVAILABLE.
   */
  get failure(): DatabaseUnavailableError | null {
    return this.#failure;
  }

  noteFailure(error: DatabaseUnavailableError): void {
    this.#failure ??= error;
  }

  /** Registers a statement in flight; returns its release. */
  track(cut: () => void): () => void {
    this.#running.add(cut);
    return () => this.#running.delete(cut);
  }
}

const scope = new AsyncLocalStorage<Deadline>();

/** The deadline of the work being done now, if any. */
export const currentDeadline = (): Deadline | undefined => scope.getStore();

/** Runs `work` (and everything it starts) under `deadline`. */
export function withDeadline<T>(deadline: Deadline, work: () => T): T {
  return scope.run(deadline, work);
}

/**
 * Enters a deadline-free scope for the rest of the current synchronous execution and what it starts (a WebSocket
 * message: its operation then records database failures like an HTTP request does).
 */
export function enterUnboundedScope(): void {
  scope.enterWith(new Deadline(Number.POSITIVE_INFINITY));
}

/** Whether the work being done now already found the database unreachable or too slow. */
export const databaseFailedHere = (): boolean => scope.getStore()?.failure != null;

/** Migrations and seeding: no deadline and no statement limit (a replica may wait for another's migration). */
export function withoutTimeLimits<T>(work: () => T): T {
  return scope.run(new Deadline(Number.POSITIVE_INFINITY, { statementLimit: false }), work);
}

/** The database's time limits (see config.ts for the environment variables that set them). */
export interface DatabaseLimits {
  /** pg connectionTimeoutMillis: opening a connection (TCP + startup) takes at most this long. */
  connectTimeoutMs: number;
  /** The pool's acquireTimeoutMillis: waiting for a free connection. */
  acquireTimeoutMs: number;
  /** PostgreSQL's statement_timeout; a statement without an answer a second after it is cut by the server too. */
  statementTimeoutMs: number;
  /** PostgreSQL's idle_in_transaction_session_timeout. */
  idleInTransactionTimeoutMs: number;
  /** Connections in the pool. */
  poolMax: number;
}

export const DEFAULT_DATABASE_LIMITS: DatabaseLimits = {
  connectTimeoutMs: 5_000,
  acquireTimeoutMs: 10_000,
  statementTimeoutMs: 10_000,
  idleInTransactionTimeoutMs: 15_000,
  poolMax: 20,
};
