import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { OrgUnit } from './org-unit.entity.ts';
import { Person } from './person.entity.ts';
import { Wish } from './wish.entity.ts';

/**
 * A person who follows a wish instead of listing the same thing again ("我也关注"): a supporter. The wish's own
 * resident is never one of its followers. Merging a duplicate moves its resident and followers to the original.
 */
export const WishFollower = defineEntity({
  name: 'WishFollower',
  tableName: 'wish_follower',
  properties: (p) => ({
    wish: () => p.manyToOne(Wish).primary(),
    person: () => p.manyToOne(Person).primary().index(),
    createdAt: p.datetime(),
  }),
});
export type IWishFollower = InferEntity<typeof WishFollower>;

/** Whether a street shows its public board (/public/<id>); a street without a row shows it. */
export const PublicBoardSetting = defineEntity({
  name: 'PublicBoardSetting',
  tableName: 'public_board_setting',
  properties: (p) => ({
    street: () => p.manyToOne(OrgUnit).primary(),
    enabled: p.boolean(),
    updatedAt: p.datetime(),
    updatedBy: () => p.manyToOne(Person).nullable(),
  }),
});
export type IPublicBoardSetting = InferEntity<typeof PublicBoardSetting>;
