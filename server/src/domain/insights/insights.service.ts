/**
 * Following a wish instead of listing it again, and switching a street's public board: each change with its
 * change-log row in the same transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.ts';
import { recordChange } from '../kernel/change-log.ts';
import { badInput, forbidden, invalidTransition, notFound } from '../kernel/errors.ts';
import type { IdRef } from '../kernel/input.ts';
import { loadWishFacts, type WishRow } from '../wishes/wish.facts.ts';
import { mayFollow, mayLookAtWish, maySwitchPublicBoard } from './insights.policy.ts';

export class InsightsService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async wishFor(ref: IdRef): Promise<WishRow> {
    const wish = ref === null ? undefined : (await loadWishFacts(this.em, [ref])).get(ref);
    if (!wish || !mayLookAtWish(this.viewer, wish)) throw notFound('Wish');
    if (!mayFollow(this.viewer)) throw forbidden('Only a verified person may follow a wish');
    return wish;
  }

  /** The viewer follows the wish as a supporter (again: nothing changes). Returns the wish's id. */
  async follow(ref: IdRef): Promise<number> {
    const wish = await this.wishFor(ref);
    if (wish.residentId === this.viewer.personId) throw badInput('wishId', 'is your own wish: you follow it already');
    if (wish.status === 'REJECTED' || wish.status === 'CANCELLED') {
      throw invalidTransition(`The wish is ${wish.status}: it cannot be followed`);
    }
    const at = this.now();
    await this.em.transactional(async (em) => {
      const added = await em.execute<{ wish_id: number }[]>(
        `insert into wish_follower (wish_id, person_id, created_at) values (?, ?, ?)
         on conflict do nothing returning wish_id`,
        [wish.id, this.viewer.personId, at],
      );
      if (added.length > 0) {
        await recordChange(
          em,
          { entityType: 'Wish', entityId: wish.id, action: 'FOLLOW', actorId: this.viewer.personId },
          at,
        );
      }
    });
    return wish.id;
  }

  /** The viewer no longer follows the wish (not following it: nothing changes). */
  async unfollow(ref: IdRef): Promise<number> {
    const wish = await this.wishFor(ref);
    const at = this.now();
    await this.em.transactional(async (em) => {
      const removed = await em.execute<{ wish_id: number }[]>(
        'delete from wish_follower where wish_id = ? and person_id = ? returning wish_id',
        [wish.id, this.viewer.personId],
      );
      if (removed.length > 0) {
        await recordChange(
          em,
          { entityType: 'Wish', entityId: wish.id, action: 'UNFOLLOW', actorId: this.viewer.personId },
          at,
        );
      }
    });
    return wish.id;
  }

  /** Switch a street's public board on or off. Returns the street's id. */
  async setPublicBoardEnabled(streetRef: IdRef, enabled: boolean): Promise<number> {
    const [street] =
      streetRef === null
        ? []
        : await this.em.execute<{ id: number; kind: string; path: string }[]>(
            'select id, kind, path from org_unit where id = ?',
            [streetRef],
          );
    if (!street) throw notFound('Org unit');
    if (street.kind !== 'STREET') throw badInput('streetId', 'must be a street: the street switches its board');
    if (!maySwitchPublicBoard(this.viewer, street.path)) {
      throw forbidden("Only the street's admins and secretaries switch its public board");
    }
    const at = this.now();
    await this.em.transactional(async (em) => {
      await em.execute(
        `insert into public_board_setting (street_id, enabled, updated_at, updated_by_id) values (?, ?, ?, ?)
         on conflict (street_id) do update set enabled = excluded.enabled, updated_at = excluded.updated_at,
           updated_by_id = excluded.updated_by_id`,
        [street.id, enabled, at, this.viewer.personId],
      );
      await recordChange(
        em,
        {
          entityType: 'OrgUnit',
          entityId: street.id,
          action: 'PUBLIC_BOARD',
          actorId: this.viewer.personId,
          data: { enabled },
        },
        at,
      );
    });
    return street.id;
  }
}
