/**
 * External delivery of notifications (the outbox), from the environment. Nothing leaves the server unless
 * NOTIFY_WEBHOOK_URL is set; errors name the variable.
 */

export interface WebhookChannelConfig {
  /** http:// or https:// URL the notifications are POSTed to. */
  url: string;
  /** Key of the HMAC-SHA256 signature (X-WishGrid-Signature). */
  secret: string;
  /** A request not answered by then counts as failed (and is retried). */
  timeoutMs: number;
  /** Put the recipient's phone number in the payload (for an SMS gateway); off by default. */
  includePhone: boolean;
}

export interface NotifyConfig {
  /** Null: no webhook channel (nothing is sent, no deliveries are recorded). */
  webhook: WebhookChannelConfig | null;
  /** Attempts per delivery before it is given up (FAILED). */
  maxAttempts: number;
  /** The wait after the first failed attempt; it doubles after each one, up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How often an idle worker looks for due deliveries. */
  pollMs: number;
  /** Deliveries one worker sends at once. */
  batchSize: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new Error(`${name} must be true or false (got "${raw}")`);
}

export function notifyConfig(env: NodeJS.ProcessEnv): NotifyConfig {
  const url = env.NOTIFY_WEBHOOK_URL?.trim();
  const secret = env.NOTIFY_WEBHOOK_SECRET?.trim();
  let webhook: WebhookChannelConfig | null = null;
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`NOTIFY_WEBHOOK_URL must be an http:// or https:// URL (got "${url}")`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`NOTIFY_WEBHOOK_URL must be an http:// or https:// URL (got "${url}")`);
    }
    if (parsed.username || parsed.password) {
      throw new Error('NOTIFY_WEBHOOK_URL must not carry a user name or password: the signature authenticates');
    }
    if (!secret) throw new Error('NOTIFY_WEBHOOK_SECRET is required with NOTIFY_WEBHOOK_URL (the signing key)');
    if (!/^[\x21-\x7e]{16,512}$/.test(secret)) {
      throw new Error('NOTIFY_WEBHOOK_SECRET must be 16 to 512 printable characters without spaces');
    }
    webhook = {
      url: parsed.toString(),
      secret,
      timeoutMs: int(env, 'NOTIFY_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
      includePhone: bool(env, 'NOTIFY_WEBHOOK_INCLUDE_PHONE', false),
    };
  } else {
    const stray = ['NOTIFY_WEBHOOK_SECRET', 'NOTIFY_WEBHOOK_TIMEOUT_MS', 'NOTIFY_WEBHOOK_INCLUDE_PHONE'].filter(
      (name) => env[name]?.trim(),
    );
    if (stray.length > 0) {
      throw new Error(`${stray.join(', ')} set without NOTIFY_WEBHOOK_URL: set the URL to deliver notifications`);
    }
  }
  const retryBaseMs = int(env, 'NOTIFY_RETRY_BASE_MS', 5_000, 10, 3_600_000);
  const retryMaxMs = int(env, 'NOTIFY_RETRY_MAX_MS', 3_600_000, 10, 86_400_000);
  if (retryMaxMs < retryBaseMs) throw new Error('NOTIFY_RETRY_MAX_MS must be at least NOTIFY_RETRY_BASE_MS');
  return {
    webhook,
    maxAttempts: int(env, 'NOTIFY_MAX_ATTEMPTS', 12, 1, 100),
    retryBaseMs,
    retryMaxMs,
    pollMs: int(env, 'NOTIFY_POLL_MS', 1_000, 10, 60_000),
    batchSize: int(env, 'NOTIFY_BATCH_SIZE', 20, 1, 500),
  };
}
