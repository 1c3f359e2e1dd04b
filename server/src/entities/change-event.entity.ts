import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Person } from './person.entity.ts';

/**
 * The append-only record of every state change outside the wish loop (wishes have WishEvent):
 * org units, people and roles, categories, committees, brands, themes, activities and sign-ups,
 * point rules. Written in the same transaction as the change.
 */
export const ChangeEvent = defineEntity({
  name: 'ChangeEvent',
  tableName: 'change_event',
  indexes: [{ name: 'change_event_entity_index', properties: ['entityType', 'entityId'] }],
  properties: (p) => ({
    sequence: p.bigint('number').primary().autoincrement(),
    entityType: p.string().length(50),
    entityId: p.integer(),
    action: p.string().length(50),
    actor: () => p.manyToOne(Person).nullable(),
    at: p.datetime(),
    data: p.json<Record<string, unknown>>().nullable(),
  }),
});
export type IChangeEvent = InferEntity<typeof ChangeEvent>;
