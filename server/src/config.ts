/** The environment, parsed once, with errors that name the variable. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseLimits } from './db/faults.ts';
import { type NotifyConfig, notifyConfig } from './notify/notify-config.ts';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Config {
  port: number;
  host: string;
  /** Null: start the embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  redisUrl: string | null;
  tokenTtlSeconds: number;
  /**
   * Display screens keep their token this long and renew it as they use it (a wall screen runs for
   * weeks without a person); other accounts' tokens never renew.
   */
  displayTokenTtlSeconds: number;
  demoPassword: string;
  /** Seed the demo data into an empty database on start. */
  seedOnStart: boolean;
  /** Days after RESOLVED without an evaluation before AUTO_CLOSE. */
  autoCloseDays: number;
  /** Seconds between background sweeps (auto-close, finishing past activities, basic points); 0: none. */
  sweepIntervalSeconds: number;
  production: boolean;
  logLevel: string;
  /** Limits on every GraphQL document, over HTTP and WebSocket alike (graphql-armor + a character limit). */
  queryLimits: QueryLimits;
  /** Largest HTTP request body accepted (Content-Length), in bytes. */
  httpMaxBodyBytes: number;
  /** Largest WebSocket message accepted, in bytes (larger ones close the socket with 1009). */
  wsMaxPayloadBytes: number;
  /** A socket that has not sent connection_init by then is closed with 4408. */
  wsConnectionInitTimeoutMs: number;
  /** Subscriptions one WebSocket runs at once; the next one is refused with BAD_USER_INPUT. */
  wsMaxSubscriptions: number;
  /** Seconds between checks of every open WebSocket's session (expiry, and anything the live hub missed). */
  wsSessionCheckSeconds: number;
  /** A socket with more than this many bytes waiting to be written is too slow: it is closed (1013) to resume. */
  wsMaxBufferedBytes: number;
  rateLimits: RateLimits;
  /** The work one GraphQL operation may do as it runs (rows, statements, pool connections). */
  workLimits: WorkLimits;
  /** Behind a reverse proxy: take the client address from the last X-Forwarded-For hop. */
  trustProxy: boolean;
  /** On SIGTERM/SIGINT: how long requests and WebSocket operations in flight may take to finish. */
  shutdownGraceSeconds: number;
  /** Bearer token for /metrics on the main port; null: not served there. */
  metricsToken: string | null;
  /** Port of a loopback-only (127.0.0.1) listener serving /metrics without a token; null: none. */
  metricsPort: number | null;
  /** Every HTTP request is answered within this (SERVICE_UNAVAILABLE, 503, when the database is too slow or gone). */
  requestTimeoutMs: number;
  /** PostgreSQL's time limits and pool size (db/faults.ts). */
  database: DatabaseLimits;
  /** Where uploaded photos are kept: see PhotoStorageConfig. */
  photoStorage: PhotoStorageConfig;
  /** How long a photo URL works after it was issued (at most 24 hours). */
  photoUrlTtlSeconds: number;
  /** External delivery of notifications (NOTIFY_WEBHOOK_URL …): see notify/notify-config.ts. */
  notify: NotifyConfig;
}

/**
 * The local disk (PHOTO_DIR, default <data directory>/photos) unless S3_BUCKET is set: then S3-compatible object
 * storage (MinIO, AWS S3, …), which several replicas share.
 */
export type PhotoStorageConfig =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3';
      /** Null: AWS S3 itself. */
      endpoint: string | null;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      /** Path-style URLs (http://host/bucket/key), as MinIO needs. */
      forcePathStyle: boolean;
    };

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxDirectives: number;
  maxTokens: number;
  maxCharacters: number;
}

/** Fixed one-minute windows; 0 turns a limit off. */
export interface RateLimits {
  /** Mutations (root fields) per signed-in person. */
  mutationsPerMinute: number;
  /** Login attempts per username from one client address. */
  loginsPerMinute: number;
  /** Login attempts from one client address, whatever the username. */
  loginsPerIpPerMinute: number;
  /** Resident registrations (registerResident) from one client address. */
  registrationsPerIpPerMinute: number;
  /** Queries and subscriptions, weighted by their estimated cost, per signed-in person (or client address). */
  queryCostPerMinute: number;
  /** Open311 requests per API key (or, without a valid key, per client address). */
  open311PerMinute: number;
}

/** What one operation (or one event of a subscription) may do as it runs. */
export interface WorkLimits {
  /** Rows it may load from the database. */
  maxRows: number;
  /** Statements it may send. */
  maxStatements: number;
  /** Statements it may run at once: the pool connections it may hold. */
  maxConcurrentStatements: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new Error(`${name} must be true or false (got "${raw}")`);
}

function metricsToken(env: NodeJS.ProcessEnv): string | null {
  const token = env.METRICS_TOKEN?.trim();
  if (!token) return null;
  if (!/^[\x21-\x7e]{16,512}$/.test(token)) {
    throw new Error('METRICS_TOKEN must be 16 to 512 printable characters without spaces');
  }
  return token;
}

function photoStorage(env: NodeJS.ProcessEnv, dataDir: string): PhotoStorageConfig {
  const bucket = env.S3_BUCKET?.trim();
  const others = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_REGION', 'S3_FORCE_PATH_STYLE'];
  if (!bucket) {
    const stray = others.filter((name) => env[name]?.trim());
    if (stray.length > 0)
      throw new Error(`${stray.join(', ')} set without S3_BUCKET: set S3_BUCKET to store photos in S3`);
    return { kind: 'local', dir: path.resolve(dataDir, env.PHOTO_DIR?.trim() || 'photos') };
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new Error('S3_BUCKET must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens');
  }
  const endpoint = env.S3_ENDPOINT?.trim() || null;
  if (endpoint && !/^https?:\/\/[^\s/]+\/?$/.test(endpoint)) {
    throw new Error('S3_ENDPOINT must be an http:// or https:// URL of the server, e.g. http://minio:9000');
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId || !secretAccessKey) {
    throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required with S3_BUCKET');
  }
  return {
    kind: 's3',
    endpoint,
    bucket,
    region: env.S3_REGION?.trim() || 'us-east-1',
    accessKeyId,
    secretAccessKey,
    // MinIO and most self-hosted servers want path-style URLs; AWS S3 itself does not need them.
    forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', endpoint !== null),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const redisUrl = env.REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new Error('REDIS_URL must be a redis:// or rediss:// URL');
  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(ROOT_DIR, env.WISHGRID_DATA_DIR?.trim() || '.data'),
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1, 65535),
    redisUrl,
    tokenTtlSeconds: int(env, 'TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    displayTokenTtlSeconds: int(env, 'DISPLAY_TOKEN_TTL_SECONDS', 30 * 24 * 3600, 60, 365 * 24 * 3600),
    demoPassword: env.WISHGRID_DEMO_PASSWORD || 'wishgrid-demo',
    seedOnStart: bool(env, 'SEED_ON_START', !production),
    autoCloseDays: int(env, 'AUTO_CLOSE_DAYS', 7, 1, 365),
    sweepIntervalSeconds: int(env, 'SWEEP_INTERVAL_SECONDS', 60, 0, 86_400),
    production,
    logLevel: env.LOG_LEVEL?.trim() || (production ? 'info' : 'info'),
    queryLimits: {
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 10, 1, 100),
      maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 15, 0, 1000),
      maxCost: int(env, 'GRAPHQL_MAX_COST', 50_000, 1, 10_000_000),
      maxDirectives: int(env, 'GRAPHQL_MAX_DIRECTIVES', 10, 0, 1000),
      maxTokens: int(env, 'GRAPHQL_MAX_TOKENS', 2000, 10, 1_000_000),
      maxCharacters: int(env, 'GRAPHQL_MAX_CHARACTERS', 10_000, 100, 10_000_000),
    },
    httpMaxBodyBytes: int(env, 'HTTP_MAX_BODY_BYTES', 64 * 1024, 1024, 100 * 1024 * 1024),
    wsMaxPayloadBytes: int(env, 'WS_MAX_PAYLOAD_BYTES', 64 * 1024, 1024, 100 * 1024 * 1024),
    wsConnectionInitTimeoutMs: int(env, 'WS_CONNECTION_INIT_TIMEOUT_MS', 5_000, 100, 600_000),
    wsMaxSubscriptions: int(env, 'WS_MAX_SUBSCRIPTIONS', 20, 1, 10_000),
    wsSessionCheckSeconds: int(env, 'WS_SESSION_CHECK_SECONDS', 2, 1, 300),
    wsMaxBufferedBytes: int(env, 'WS_MAX_BUFFERED_BYTES', 1024 * 1024, 16 * 1024, 1024 * 1024 * 1024),
    rateLimits: {
      mutationsPerMinute: int(env, 'RATE_LIMIT_MUTATIONS_PER_MINUTE', 600, 0, 1_000_000),
      loginsPerMinute: int(env, 'RATE_LIMIT_LOGINS_PER_MINUTE', 10, 0, 1_000_000),
      loginsPerIpPerMinute: int(env, 'RATE_LIMIT_LOGINS_PER_IP_PER_MINUTE', 100, 0, 1_000_000),
      registrationsPerIpPerMinute: int(env, 'RATE_LIMIT_REGISTRATIONS_PER_IP_PER_MINUTE', 5, 0, 1_000_000),
      queryCostPerMinute: int(env, 'RATE_LIMIT_QUERY_COST_PER_MINUTE', 500_000, 0, 1_000_000_000),
      open311PerMinute: int(env, 'RATE_LIMIT_OPEN311_PER_MINUTE', 120, 0, 1_000_000),
    },
    workLimits: {
      maxRows: int(env, 'GRAPHQL_MAX_ROWS', 20_000, 1, 10_000_000),
      maxStatements: int(env, 'GRAPHQL_MAX_STATEMENTS', 2_000, 1, 1_000_000),
      maxConcurrentStatements: int(env, 'GRAPHQL_MAX_CONNECTIONS_PER_OPERATION', 3, 1, 100),
    },
    trustProxy: bool(env, 'TRUST_PROXY', false),
    shutdownGraceSeconds: int(env, 'SHUTDOWN_GRACE_SECONDS', 10, 0, 3600),
    metricsToken: metricsToken(env),
    metricsPort: env.METRICS_PORT?.trim() ? int(env, 'METRICS_PORT', 0, 0, 65535) : null,
    requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', 15_000, 1_000, 600_000),
    database: {
      connectTimeoutMs: int(env, 'DB_CONNECT_TIMEOUT_MS', 5_000, 100, 600_000),
      acquireTimeoutMs: int(env, 'DB_ACQUIRE_TIMEOUT_MS', 10_000, 100, 600_000),
      statementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', 10_000, 100, 3_600_000),
      idleInTransactionTimeoutMs: int(env, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 15_000, 100, 3_600_000),
      poolMax: int(env, 'DB_POOL_MAX', 20, 1, 1_000),
    },
    photoStorage: photoStorage(env, path.resolve(ROOT_DIR, env.WISHGRID_DATA_DIR?.trim() || '.data')),
    photoUrlTtlSeconds: int(env, 'PHOTO_URL_TTL_SECONDS', 6 * 3600, 60, 24 * 3600),
    notify: notifyConfig(env),
  };
}
