/**
 * The webhook channel: each notification is POSTed as JSON to NOTIFY_WEBHOOK_URL, signed with HMAC-SHA256.
 *
 * Headers:
 * - `Idempotency-Key`: the notification's id (the same on every attempt): a receiver acts on a key once;
 * - `X-WishGrid-Timestamp`: Unix seconds when this attempt was signed;
 * - `X-WishGrid-Signature`: `v1=` + hex HMAC-SHA256 with the secret over `<timestamp>.<body>` (the raw body bytes);
 * - `X-WishGrid-Attempt`: 1 for the first attempt.
 *
 * Body (the same on every attempt): { id, kind, createdAt, recipient: { id, language[, phone] }, title, body,
 * wishId, activityId } — ids are the GraphQL API's opaque ids; title and body are rendered in the recipient's
 * language. The recipient's phone is included only with NOTIFY_WEBHOOK_INCLUDE_PHONE=true (for an SMS gateway
 * that has no register of its own): by default the receiver gets an opaque person id and no personal data.
 *
 * A 2xx answer is a delivery. Network errors, timeouts, 5xx, 408 and 429 are retried; any other answer (a 4xx, a
 * redirect, which is not followed so the signed body goes nowhere else) is final: retrying cannot change it.
 */
import { createHmac } from 'node:crypto';
import { encodeId } from '../graphql/ids.ts';
import type { ClaimedDelivery, NotificationChannel, SendResult } from './channel.ts';
import type { WebhookChannelConfig } from './notify-config.ts';

export interface WebhookPayload {
  id: string;
  kind: string;
  createdAt: string;
  recipient: { id: string; language: string; phone?: string | null };
  title: string;
  body: string;
  wishId: string | null;
  activityId: string | null;
}

export function webhookPayload(d: ClaimedDelivery, includePhone: boolean): WebhookPayload {
  return {
    id: encodeId('Notification', d.notificationId),
    kind: d.kind,
    createdAt: d.createdAt.toISOString(),
    recipient: {
      id: encodeId('Person', d.recipientId),
      language: d.language,
      ...(includePhone ? { phone: d.phone } : {}),
    },
    title: d.title,
    body: d.body,
    wishId: d.wishId === null ? null : encodeId('Wish', d.wishId),
    activityId: d.activityId === null ? null : encodeId('Activity', d.activityId),
  };
}

/** The signature header's value for a body signed at `timestamp` (Unix seconds). */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const RETRIED_STATUSES = new Set([408, 425, 429]);

export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook';
  constructor(private readonly config: WebhookChannelConfig) {}

  async send(delivery: ClaimedDelivery, signal: AbortSignal): Promise<SendResult> {
    const payload = webhookPayload(delivery, this.config.includePhone);
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const res = await fetch(this.config.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'WishGrid-Notify/1',
          'idempotency-key': payload.id,
          'x-wishgrid-timestamp': timestamp,
          'x-wishgrid-signature': webhookSignature(this.config.secret, timestamp, body),
          'x-wishgrid-attempt': String(delivery.attempt),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.config.timeoutMs)]),
      });
      // The answer's body is not read: only its status counts.
      await res.body?.cancel().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return { ok: true };
      return { ok: false, retry: res.status >= 500 || RETRIED_STATUSES.has(res.status), error: `HTTP ${res.status}` };
    } catch (err) {
      return { ok: false, retry: true, error: describe(err, signal) };
    }
  }
}

function describe(err: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'aborted: the server is stopping';
  if (err instanceof Error) {
    if (err.name === 'TimeoutError') return 'timed out';
    const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
    if (cause && typeof cause.code === 'string') return `network error: ${cause.code}`;
    if (cause && typeof cause.message === 'string') return `network error: ${cause.message}`;
    return `network error: ${err.message}`;
  }
  return 'network error';
}
