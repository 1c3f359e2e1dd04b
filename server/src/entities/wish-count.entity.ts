import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { WISH_STATUSES } from './wish.entity.ts';

/**
 * How many wishes there are per compound, category and status: a summary the database keeps in the same
 * transaction as every change to `wish` (statement triggers of Migration20261201000100_WishCounts), so that the
 * lists' total counts and the dashboard's all-time counts do not aggregate every wish. Never written by the
 * application. Rows whose count fell to zero stay; a count never goes below zero (the trigger refuses).
 */
export const WishCount = defineEntity({
  name: 'WishCount',
  tableName: 'wish_count',
  properties: (p) => ({
    compoundId: p.integer().primary(),
    categoryId: p.integer().primary(),
    status: p
      .enum(() => WISH_STATUSES)
      .nativeEnumName('wish_status')
      .primary(),
    n: p.integer(),
  }),
});
export type IWishCount = InferEntity<typeof WishCount>;

/**
 * The wish events of one UTC day per compound (the wish's) and resulting status, with what the dashboard's
 * period figures add up: kept by the database in the same transaction as every event (statement trigger of
 * Migration20261201000110_WishEventDays; a wish moved to another compound or re-dated carries its events' sums
 * along), so a period's figures read whole days here and only the partial days at its ends from `wish_event`.
 */
export const WishEventDay = defineEntity({
  name: 'WishEventDay',
  tableName: 'wish_event_day',
  properties: (p) => ({
    day: p.date().primary(),
    compoundId: p.integer().primary(),
    toStatus: p
      .enum(() => WISH_STATUSES)
      .nativeEnumName('wish_status')
      .primary(),
    /** Events. */
    n: p.integer(),
    /** Σ hours from listing to this event, over the events to CLOSED. */
    closedHours: p.decimal().columnType('numeric'),
    /** Evaluations (EVALUATE and REOPEN), those with a rating, the sum of the ratings, and the reopenings. */
    rated: p.integer(),
    ratingN: p.integer(),
    ratingSum: p.integer(),
    reopened: p.integer(),
  }),
});
export type IWishEventDay = InferEntity<typeof WishEventDay>;
