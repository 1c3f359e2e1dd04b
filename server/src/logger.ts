/**
 * Structured logs (pino) without credentials or personal data.
 *
 * Two layers: redaction of known keys (passwords, tokens, headers, GraphQL variables, phone numbers,
 * descriptions) wherever they appear in a logged object, and scrubbing of free text. Free text matters
 * because database errors carry the values of the failed statement: the driver's message is the SQL with
 * its parameters inlined (`insert … values ('a description with a phone number')`) followed by PostgreSQL's
 * `detail` (`Failing row contains (…)`). Errors are therefore logged through a serializer that keeps their
 * type, scrubbed message and stack, SQLSTATE, table, column and constraint — and nothing else.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type LoggerOptions } from 'pino';

/** What every log line written while a request (or a WebSocket message) is handled carries. */
export interface LogScope {
  requestId: string;
}

/** The request being handled, if any: http/traffic.ts enters it, every logger adds its id to each line. */
export const logScope = new AsyncLocalStorage<LogScope>();

const CENSOR = '[redacted]';

/** Keys that never reach a log line, at the top level or one or two levels down. */
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'password',
  'token',
  'phone',
  'description',
  'variables',
  'connectionParams',
];

const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  ...SECRET_KEYS.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'headers["set-cookie"]',
];

/** Rewrites free text so that values of SQL statements, tokens and phone numbers do not survive. */
export function scrub(text: string): string {
  return (
    text
      // PostgreSQL's detail repeats the row or the key values: keep the words before, drop the values.
      .replace(/(detail: )[\s\S]*?(?=\n\s{4}at |$)/g, `$1${CENSOR}`)
      .replace(/(Failing row contains |Key )\([\s\S]*?\)(=\([\s\S]*?\))?/g, `$1(${CENSOR})`)
      // SQL string literals (the driver inlines parameters into the statement of its error message).
      .replace(/'(?:[^']|'')*'/g, `'${CENSOR}'`)
      // Bearer tokens, and anything shaped like one of our tokens (exactly 43 base64url characters: longer
      // identifiers such as migration names stay readable).
      .replace(/Bearer\s+\S+/gi, `Bearer ${CENSOR}`)
      .replace(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, CENSOR)
      // Phone numbers: mainland mobiles, and landlines written with separators.
      .replace(/(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d{9}(?!\d)/g, CENSOR)
      .replace(/(?<!\d)0\d{2,3}[-\s]\d{7,8}(?!\d)/g, CENSOR)
  );
}

const ERROR_FIELDS = ['code', 'sqlState', 'table', 'column', 'constraint', 'routine', 'severity'] as const;

/** An error as a log line may show it: see the module comment. */
export function serializeError(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) return typeof value === 'string' ? scrub(value) : value;
  const err = value as Error & Record<string, unknown>;
  const out: Record<string, unknown> = {
    type: err.constructor?.name ?? err.name,
    message: scrub(String(err.message)),
  };
  if (typeof err.stack === 'string') out.stack = scrub(err.stack);
  for (const field of ERROR_FIELDS) {
    const v = err[field];
    if (typeof v === 'string' || typeof v === 'number') out[field] = typeof v === 'string' ? scrub(v) : v;
  }
  // GraphQL errors: where it happened and the contract code, never the rest of the extensions.
  if (Array.isArray(err.path)) out.path = err.path;
  const extensions = err.extensions as Record<string, unknown> | undefined;
  if (extensions && typeof extensions.code === 'string') out.extensionsCode = extensions.code;
  if (depth < 3) {
    if (err.originalError instanceof Error) out.originalError = serializeError(err.originalError, depth + 1);
    if (err.cause instanceof Error) out.cause = serializeError(err.cause, depth + 1);
    if (Array.isArray(err.errors)) out.errors = err.errors.slice(0, 10).map((e) => serializeError(e, depth + 1));
  }
  return out;
}

/** Scrubs strings and serializes errors in the arguments of a log call, a few levels deep. */
function clean(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value instanceof Error) return serializeError(value);
  if (depth >= 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = clean(v, depth + 1);
  return out;
}

/** Structured logs; credentials and personal data are redacted wherever they appear. */
export function createLogger(level: string, destination?: DestinationStream) {
  const options: LoggerOptions = {
    level,
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    mixin() {
      const scope = logScope.getStore();
      return scope ? { requestId: scope.requestId } : {};
    },
    serializers: { err: serializeError, error: serializeError },
    hooks: {
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        // logger.error(err): keep pino's shape, { err } with the error's message as the line's message.
        const cleaned =
          first instanceof Error
            ? [{ err: serializeError(first) }, ...(rest.length > 0 ? rest : [first.message]).map((a) => clean(a))]
            : args.map((a) => clean(a));
        method.apply(this, cleaned as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = ReturnType<typeof createLogger>;
