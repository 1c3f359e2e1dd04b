/**
 * The base of the services that change things for a logged-in viewer: the entity manager, the viewer (the
 * transport lets only a logged-in one through), a clock the tests can set, and the change log in the viewer's
 * name.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.ts';
import { recordChange } from './change-log.ts';

export abstract class ViewerService {
  constructor(
    protected readonly em: EntityManager,
    protected readonly viewer: Viewer,
    protected readonly now: () => Date = () => new Date(),
  ) {}

  /** Writes the change_event of a change the viewer made, in the caller's transaction. */
  protected recordChange(
    em: EntityManager,
    entityType: string,
    entityId: number,
    action: string,
    at: Date,
    data?: Record<string, unknown>,
  ): Promise<void> {
    return recordChange(em, { entityType, entityId, action, actorId: this.viewer.personId, data }, at);
  }
}
