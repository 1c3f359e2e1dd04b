/**
 * Delivers the outbox (domain/notifications/delivery.service.ts) through the configured channels. Each replica
 * runs one; they share the work through `for update skip locked`. Per channel a loop claims a batch of due
 * deliveries, sends them at once, records each outcome (delivered; retried after an exponential backoff with
 * jitter, capped; failed after the last attempt), and waits NOTIFY_POLL_MS when nothing is due.
 *
 * At start, the configured channels are switched on for new notifications and the others off (their pending
 * deliveries CANCELLED): with no channel configured, no delivery rows are written and nothing leaves the server.
 * Every replica must therefore run with the same NOTIFY_* settings.
 *
 * /metrics: wishgrid_notification_deliveries_total{channel, outcome} (delivered, retried, failed).
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { Counter } from 'prom-client';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  type DeliveryOutcome,
  recordDeliveryOutcome,
  switchChannels,
} from '../domain/notifications/delivery.service.ts';
import type { Metrics } from '../http/metrics.ts';
import type { Logger } from '../logger.ts';
import { CHANNEL_NAMES, type NotificationChannel } from './channel.ts';
import type { NotifyConfig } from './notify-config.ts';
import { WebhookChannel } from './webhook-channel.ts';

/** The wait before attempt `attempt + 1` after attempt `attempt` failed: base·2^(attempt−1), ±20 %, capped. */
export function backoffMs(
  attempt: number,
  config: Pick<NotifyConfig, 'retryBaseMs' | 'retryMaxMs'>,
  random: () => number = Math.random,
): number {
  const exponential = config.retryBaseMs * 2 ** Math.min(Math.max(0, attempt - 1), 30);
  return Math.min(config.retryMaxMs, Math.round(exponential * (0.8 + 0.4 * random())));
}

/** The channels the configuration asks for. */
export function configuredChannels(config: NotifyConfig): NotificationChannel[] {
  return config.webhook ? [new WebhookChannel(config.webhook)] : [];
}

export interface DeliveryWorkerOptions {
  orm: MikroORM;
  config: NotifyConfig;
  logger: Logger;
  metrics: Metrics;
  /** Defaults to the configured ones (tests may pass others). */
  channels?: NotificationChannel[];
}

export class DeliveryWorker {
  private readonly channels: NotificationChannel[];
  private readonly counter: Counter<'channel' | 'outcome'>;
  private stopping = false;
  private readonly abort = new AbortController();
  private readonly wakers = new Set<() => void>();
  private loops: Promise<void>[] = [];
  private switched = false;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.channels = options.channels ?? configuredChannels(options.config);
    this.counter = new Counter({
      name: 'wishgrid_notification_deliveries_total',
      help: 'Attempts to deliver a notification through an outside channel, by channel and outcome (delivered, retried, failed: given up)',
      labelNames: ['channel', 'outcome'] as const,
      registers: [options.metrics.registry],
    });
  }

  /** Switches the channels on and off (see above) and starts delivering. */
  async start(): Promise<void> {
    await this.switchChannels();
    for (const channel of this.channels) this.loops.push(this.run(channel));
  }

  /**
   * Claims nothing more; sends in flight may finish within `graceMs`, then they are aborted (and due again at
   * once, for whichever replica runs next). Resolves when every outcome is recorded.
   */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    for (const wake of [...this.wakers]) wake();
    const all = Promise.all(this.loops);
    const timer = setTimeout(() => this.abort.abort(), graceMs);
    try {
      await all;
    } finally {
      clearTimeout(timer);
    }
  }

  private async switchChannels(): Promise<void> {
    const on = this.channels.map((c) => c.name);
    const off = CHANNEL_NAMES.filter((name) => !on.includes(name));
    try {
      await switchChannels(this.options.orm.em.fork(), on, off);
      this.switched = true;
    } catch (err) {
      // Tried again before each claim until it succeeds.
      this.options.logger.warn({ err }, 'notification channels could not be switched on/off yet');
    }
  }

  private async run(channel: NotificationChannel): Promise<void> {
    const { config, logger } = this.options;
    // A claim outlives the send's deadline: another worker takes the delivery only if this one is gone.
    const leaseMs = (config.webhook?.timeoutMs ?? 10_000) + 30_000;
    let failing = false;
    while (!this.stopping) {
      let claimed: ClaimedDelivery[] = [];
      try {
        if (!this.switched) await this.switchChannels();
        claimed = await claimDueDeliveries(this.options.orm.em.fork(), channel.name, config.batchSize, leaseMs);
        if (failing) logger.info({ channel: channel.name }, 'notification deliveries: claiming works again');
        failing = false;
      } catch (err) {
        if (!failing) logger.warn({ err, channel: channel.name }, 'notification deliveries could not be claimed');
        failing = true;
      }
      if (claimed.length === 0) {
        await this.idle(config.pollMs);
        continue;
      }
      await Promise.all(claimed.map((d) => this.deliver(channel, d)));
    }
  }

  private async deliver(channel: NotificationChannel, d: ClaimedDelivery): Promise<void> {
    const { config, logger } = this.options;
    const result = await channel.send(d, this.abort.signal);
    let outcome: DeliveryOutcome;
    if (result.ok) outcome = { kind: 'delivered' };
    else if (this.abort.signal.aborted) outcome = { kind: 'retry', delayMs: 0, error: result.error };
    else if (!result.retry || d.attempt >= config.maxAttempts) outcome = { kind: 'failed', error: result.error };
    else outcome = { kind: 'retry', delayMs: backoffMs(d.attempt, config), error: result.error };
    try {
      const recorded = await recordDeliveryOutcome(this.options.orm.em.fork(), d.deliveryId, d.attempt, outcome);
      if (!recorded) return;
      this.counter.inc({ channel: channel.name, outcome: outcome.kind === 'retry' ? 'retried' : outcome.kind });
      if (outcome.kind === 'failed') {
        logger.warn(
          { channel: channel.name, notificationId: d.notificationId, attempts: d.attempt, error: outcome.error },
          'notification delivery given up',
        );
      }
    } catch (err) {
      // The lease runs out and the delivery is sent again, with the same idempotency key.
      logger.warn({ err, channel: channel.name, deliveryId: d.deliveryId }, 'notification delivery not recorded');
    }
  }

  private idle(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }
}
