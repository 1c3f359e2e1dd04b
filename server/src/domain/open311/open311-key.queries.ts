/** Reading Open311 API keys: THE key record and its column list (never the hash), for street staff. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { WishChannel } from '../../entities/wish.entity.ts';
import { hashToken } from '../auth/sessions.ts';
import { pgArray } from '../kernel/sql.ts';

export interface Open311KeyRecord {
  id: number;
  /** The key's first characters, to tell keys apart (the key itself is shown once, when it is issued). */
  hint: string;
  label: string;
  channel: WishChannel;
  issuedById: number;
  issuedAt: Date;
  revokedById: number | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** At most this many keys are listed (newest first, the ones in use before the revoked ones). */
export const OPEN311_KEY_LIST_CAP = 200;

/** The columns of an Open311KeyRecord, selected from `open311_key k`. */
export const OPEN311_KEY_COLUMNS = `k.id, k.hint, k.label, k.channel, k.issued_by_id as "issuedById",
  k.issued_at as "issuedAt", k.revoked_by_id as "revokedById", k.revoked_at as "revokedAt",
  k.last_used_at as "lastUsedAt"`;

/** The driver may hand timestamps over as text: the record's are Dates. */
const date = (value: Date | string | null) => (value === null ? null : new Date(value));
const withDates = (rows: Open311KeyRecord[]): Open311KeyRecord[] =>
  rows.map((k) => ({
    ...k,
    issuedAt: new Date(k.issuedAt),
    revokedAt: date(k.revokedAt),
    lastUsedAt: date(k.lastUsedAt),
  }));

export async function listOpen311Keys(em: EntityManager): Promise<Open311KeyRecord[]> {
  const rows = await em.execute<Open311KeyRecord[]>(
    `select ${OPEN311_KEY_COLUMNS} from open311_key k
      order by (k.revoked_at is null) desc, k.issued_at desc, k.id desc limit ${OPEN311_KEY_LIST_CAP}`,
  );
  return withDates(rows);
}

export async function findOpen311Keys(em: EntityManager, ids: readonly number[]): Promise<Open311KeyRecord[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<Open311KeyRecord[]>(
    `select ${OPEN311_KEY_COLUMNS} from open311_key k where k.id = any(?::int[])`,
    [pgArray(ids)],
  );
  return withDates(rows);
}

export async function findOpen311Key(em: EntityManager, id: number): Promise<Open311KeyRecord | null> {
  return (await findOpen311Keys(em, [id]))[0] ?? null;
}

export async function lockOpen311Key(em: EntityManager, id: number): Promise<Open311KeyRecord | null> {
  const [key] = await em.execute<Open311KeyRecord[]>(
    `select ${OPEN311_KEY_COLUMNS} from open311_key k where k.id = ? for update`,
    [id],
  );
  return key ? (withDates([key])[0] as Open311KeyRecord) : null;
}

/** The key whose clear text this is (revoked or not), found by its hash; null for an unknown one. */
export async function keyByClearText(em: EntityManager, clear: string): Promise<Open311KeyRecord | null> {
  const [key] = await em.execute<Open311KeyRecord[]>(
    `select ${OPEN311_KEY_COLUMNS} from open311_key k where k.key_hash = ?`,
    [hashToken(clear)],
  );
  return key ? (withDates([key])[0] as Open311KeyRecord) : null;
}
