import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Person } from './person.entity.ts';
import { WISH_CHANNELS } from './wish.entity.ts';

/**
 * An Open311 API key that street staff issued: an outside system (the hotline's, say) lists wishes with it on
 * behalf of one channel. Only the key's SHA-256 is stored; `hint` is its first characters, to tell keys apart.
 */
export const Open311Key = defineEntity({
  name: 'Open311Key',
  tableName: 'open311_key',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    keyHash: p.string().length(64).unique(),
    hint: p.string().length(20),
    label: p.string().length(100),
    channel: p.enum(() => WISH_CHANNELS).nativeEnumName('wish_channel'),
    issuedBy: () => p.manyToOne(Person),
    issuedAt: p.datetime(),
    revokedBy: () => p.manyToOne(Person).nullable(),
    revokedAt: p.datetime().nullable(),
    lastUsedAt: p.datetime().nullable(),
  }),
});
export type IOpen311Key = InferEntity<typeof Open311Key>;
