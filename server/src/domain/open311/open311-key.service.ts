/**
 * Open311 API keys: street staff issue one for an outside system (it lists wishes on behalf of one channel) and
 * revoke it. The key is returned in clear once, when it is issued; only its SHA-256 is stored. Every change
 * writes its change_event in the same transaction.
 */
import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WISH_CHANNELS, type WishChannel } from '../../entities/wish.entity.ts';
import { hashToken } from '../auth/sessions.ts';
import { badInput, forbidden, invalidTransition, notFound } from '../kernel/errors.ts';
import { type IdRef, requiredRef, requiredText } from '../kernel/input.ts';
import { ViewerService } from '../kernel/viewer-service.ts';
import { managesOpen311Keys } from './open311-key.policy.ts';
import { lockOpen311Key } from './open311-key.queries.ts';

const MAX_LABEL = 100;
/** Keys start with this, so a leaked one is recognisable (secret scanners, logs). */
export const OPEN311_KEY_PREFIX = 'wg311_';
const HINT_LENGTH = OPEN311_KEY_PREFIX.length + 4;
const NOT_STREET_STAFF = 'Only street staff manage Open311 API keys';

export interface IssueOpen311KeyInput {
  label: string;
  channel: WishChannel;
}

/** The stored part of a key: its hash and hint (the clear text is never stored). */
export function storedKey(clear: string): { hash: string; hint: string } {
  return { hash: hashToken(clear), hint: clear.slice(0, HINT_LENGTH) };
}

/** Inserts a key (issued by `issuedById` at `at`) with its change_event; call inside a transaction. */
export async function insertOpen311Key(
  em: EntityManager,
  key: { clear: string; label: string; channel: WishChannel; issuedById: number },
  at: Date,
  record: (em: EntityManager, id: number, data: Record<string, unknown>) => Promise<void>,
): Promise<number> {
  const { hash, hint } = storedKey(key.clear);
  const [row] = await em.execute<{ id: number }[]>(
    `insert into open311_key (key_hash, hint, label, channel, issued_by_id, issued_at) values (?, ?, ?, ?, ?, ?) returning id`,
    [hash, hint, key.label, key.channel, key.issuedById, at],
  );
  const id = (row as { id: number }).id;
  await record(em, id, { label: key.label, channel: key.channel, hint });
  return id;
}

export class Open311KeyService extends ViewerService {
  /** Issues a key: its id and the key in clear (shown once, never again). */
  async issue(input: IssueOpen311KeyInput): Promise<{ id: number; key: string }> {
    const label = requiredText('label', input.label, MAX_LABEL);
    if (!WISH_CHANNELS.includes(input.channel)) throw badInput('channel', `must be one of ${WISH_CHANNELS.join(', ')}`);
    if (!managesOpen311Keys(this.viewer)) throw forbidden(NOT_STREET_STAFF);
    const clear = `${OPEN311_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
    const at = this.now();
    const id = await this.em.transactional((em) =>
      insertOpen311Key(
        em,
        { clear, label, channel: input.channel, issuedById: this.viewer.personId },
        at,
        (tx, id, data) => this.recordChange(tx, 'Open311Key', id, 'ISSUE', at, data),
      ),
    );
    return { id, key: clear };
  }

  /** Revokes a key: from then on it lists nothing (403). */
  revoke(input: { keyId: IdRef }): Promise<number> {
    const keyId = requiredRef(input.keyId, 'Open311 key');
    return this.em.transactional(async (em) => {
      const key = await lockOpen311Key(em, keyId);
      if (!key) throw notFound('Open311 key');
      if (!managesOpen311Keys(this.viewer)) throw forbidden(NOT_STREET_STAFF);
      if (key.revokedAt !== null) throw invalidTransition(`The key "${key.label}" is already revoked`);
      const at = this.now();
      await em.execute('update open311_key set revoked_at = ?, revoked_by_id = ? where id = ?', [
        at,
        this.viewer.personId,
        key.id,
      ]);
      await this.recordChange(em, 'Open311Key', key.id, 'REVOKE', at, { label: key.label, hint: key.hint });
      return key.id;
    });
  }
}
