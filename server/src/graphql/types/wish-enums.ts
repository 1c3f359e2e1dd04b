/** The wish's status, action and channel enums (registered before SortOrder: see types/organisation-and-committees.ts). */
import { WISH_ACTIONS, WISH_CHANNELS, WISH_STATUSES } from '../../entities/wish.entity.ts';
import { builder, enumValues } from '../builder.ts';

export const WishStatusEnum = enumValues(WISH_STATUSES);
export const WishActionEnum = enumValues(WISH_ACTIONS);
export const WishChannelEnum = enumValues(WISH_CHANNELS);

export function registerWishEnums(): void {
  builder.enumType(WishStatusEnum, { name: 'WishStatus' });
  builder.enumType(WishActionEnum, { name: 'WishAction' });
  builder.enumType(WishChannelEnum, { name: 'WishChannel' });
}
