/** Every state change outside the wish loop leaves a row in `change_event`, in the same transaction. */
import type { EntityManager } from '@mikro-orm/postgresql';

export async function recordChange(
  em: EntityManager,
  change: {
    entityType: string;
    entityId: number;
    action: string;
    actorId: number | null;
    data?: Record<string, unknown>;
  },
  at: Date = new Date(),
): Promise<void> {
  await em.execute(
    'insert into change_event (entity_type, entity_id, action, actor_id, at, data) values (?, ?, ?, ?, ?, ?)',
    [
      change.entityType,
      change.entityId,
      change.action,
      change.actorId,
      at,
      change.data ? JSON.stringify(change.data) : null,
    ],
  );
}
