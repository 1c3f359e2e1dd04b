/**
 * A way notifications leave the server (a webhook today; an SMS gateway or WeChat template messages can be added
 * as further channels). The delivery worker claims due deliveries of a channel and hands each to `send`; the
 * channel says what came of it. A channel must make its sends idempotent for the receiver: the same notification
 * may be sent again (a retry after a timeout, a replica that died before it recorded the outcome), so it carries a
 * key that names the notification (the webhook's `Idempotency-Key`).
 */
import type { ClaimedDelivery } from '../domain/notifications/delivery.service.ts';

export type { ClaimedDelivery };

export type SendResult =
  | { ok: true }
  /** `retry`: whether another attempt may succeed (a network error, a timeout, 5xx, 408, 429). */
  | { ok: false; retry: boolean; error: string };

export interface NotificationChannel {
  /** The channel's name in `notification_channel` and `notification_delivery.channel` (at most 50 characters). */
  readonly name: string;
  /** Sends one notification; `signal` aborts it (the server is stopping). Never throws. */
  send(delivery: ClaimedDelivery, signal: AbortSignal): Promise<SendResult>;
}

/** Every channel this server knows, configured or not: those not configured are switched off at start. */
export const CHANNEL_NAMES = ['webhook'] as const;
