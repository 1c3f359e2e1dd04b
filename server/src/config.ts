/** The environment, parsed once, with errors that name the variable. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  rateLimits: RateLimits;
  /** Behind a reverse proxy: take the client address from the last X-Forwarded-For hop. */
  trustProxy: boolean;
}

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
      maxCost: int(env, 'GRAPHQL_MAX_COST', 30_000, 1, 10_000_000),
      maxDirectives: int(env, 'GRAPHQL_MAX_DIRECTIVES', 10, 0, 1000),
      maxTokens: int(env, 'GRAPHQL_MAX_TOKENS', 2000, 10, 1_000_000),
      maxCharacters: int(env, 'GRAPHQL_MAX_CHARACTERS', 10_000, 100, 10_000_000),
    },
    httpMaxBodyBytes: int(env, 'HTTP_MAX_BODY_BYTES', 64 * 1024, 1024, 100 * 1024 * 1024),
    wsMaxPayloadBytes: int(env, 'WS_MAX_PAYLOAD_BYTES', 64 * 1024, 1024, 100 * 1024 * 1024),
    wsConnectionInitTimeoutMs: int(env, 'WS_CONNECTION_INIT_TIMEOUT_MS', 5_000, 100, 600_000),
    rateLimits: {
      mutationsPerMinute: int(env, 'RATE_LIMIT_MUTATIONS_PER_MINUTE', 600, 0, 1_000_000),
      loginsPerMinute: int(env, 'RATE_LIMIT_LOGINS_PER_MINUTE', 10, 0, 1_000_000),
      loginsPerIpPerMinute: int(env, 'RATE_LIMIT_LOGINS_PER_IP_PER_MINUTE', 100, 0, 1_000_000),
    },
    trustProxy: bool(env, 'TRUST_PROXY', false),
  };
}
