/**
 * Every migration, in order. Listed statically so they load under any runner (tsx, vitest, a bundle);
 * a test checks that each migration file in this folder is listed here.
 */
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127052611 } from './Migration20261127052611.ts';
import { Migration20261127053459 } from './Migration20261127053459.ts';
import { Migration20261127053500_AppendOnlyWishEvents } from './Migration20261127053500_AppendOnlyWishEvents.ts';
import { Migration20261127054224_StreetServices } from './Migration20261127054224_StreetServices.ts';
import { Migration20261127054230_AppendOnlyLedgers } from './Migration20261127054230_AppendOnlyLedgers.ts';
import { Migration20261127054635_DefaultPointRules } from './Migration20261127054635_DefaultPointRules.ts';
import { Migration20261127060000_CloseUnevaluated } from './Migration20261127060000_CloseUnevaluated.ts';
import { Migration20261130230000_ScaleIndexes } from './Migration20261130230000_ScaleIndexes.ts';
import { Migration20261201000100_WishCounts } from './Migration20261201000100_WishCounts.ts';
import { Migration20261201000110_WishEventDays } from './Migration20261201000110_WishEventDays.ts';
import { Migration20261201000120_PointYearTotals } from './Migration20261201000120_PointYearTotals.ts';
import { Migration20261201000200_ResidentsAndNotifications } from './Migration20261201000200_ResidentsAndNotifications.ts';
import { Migration20261201000300_Photos } from './Migration20261201000300_Photos.ts';
import { Migration20261201000400_StreetInsights } from './Migration20261201000400_StreetInsights.ts';
import { Migration20261201000500_Open311Keys } from './Migration20261201000500_Open311Keys.ts';
import { Migration20261201000600_NotificationDelivery } from './Migration20261201000600_NotificationDelivery.ts';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261127052611', class: Migration20261127052611 },
  { name: 'Migration20261127053459', class: Migration20261127053459 },
  { name: 'Migration20261127053500_AppendOnlyWishEvents', class: Migration20261127053500_AppendOnlyWishEvents },
  { name: 'Migration20261127054224_StreetServices', class: Migration20261127054224_StreetServices },
  { name: 'Migration20261127054230_AppendOnlyLedgers', class: Migration20261127054230_AppendOnlyLedgers },
  { name: 'Migration20261127054635_DefaultPointRules', class: Migration20261127054635_DefaultPointRules },
  { name: 'Migration20261127060000_CloseUnevaluated', class: Migration20261127060000_CloseUnevaluated },
  { name: 'Migration20261130230000_ScaleIndexes', class: Migration20261130230000_ScaleIndexes },
  { name: 'Migration20261201000100_WishCounts', class: Migration20261201000100_WishCounts },
  { name: 'Migration20261201000110_WishEventDays', class: Migration20261201000110_WishEventDays },
  { name: 'Migration20261201000120_PointYearTotals', class: Migration20261201000120_PointYearTotals },
  {
    name: 'Migration20261201000200_ResidentsAndNotifications',
    class: Migration20261201000200_ResidentsAndNotifications,
  },
  { name: 'Migration20261201000300_Photos', class: Migration20261201000300_Photos },
  { name: 'Migration20261201000400_StreetInsights', class: Migration20261201000400_StreetInsights },
  { name: 'Migration20261201000500_Open311Keys', class: Migration20261201000500_Open311Keys },
  { name: 'Migration20261201000600_NotificationDelivery', class: Migration20261201000600_NotificationDelivery },
];
