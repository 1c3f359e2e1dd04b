import { WISH_ACTIONS, WISH_CHANNELS, WISH_STATUSES } from '../../domain/wishes/wish.lifecycle.ts';
import { ORG_UNIT_KINDS } from '../../entities/org-unit.entity.ts';
import { ROLES } from '../../entities/person.entity.ts';
import { builder } from '../builder.ts';

export const RoleEnum = builder.enumType('Role', { values: ROLES });
export const OrgUnitKindEnum = builder.enumType('OrgUnitKind', { values: ORG_UNIT_KINDS });
export const WishStatusEnum = builder.enumType('WishStatus', { values: WISH_STATUSES });
export const WishActionEnum = builder.enumType('WishAction', { values: WISH_ACTIONS });
export const WishChannelEnum = builder.enumType('WishChannel', { values: WISH_CHANNELS });
