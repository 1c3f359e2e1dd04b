/**
 * The organisation (org units, people, wish categories) and property committees, registered in the order
 * schema/schema.graphql publishes them. Pothos prints each kind (enums, inputs, objects, then the Query and
 * Mutation fields) in the order it was registered, and the published order interleaves the type groups, so each
 * group file only defines its parts and this file registers them. schema.ts imports it first: the schema opens
 * with these parts, and with the wish enums and the list convention's SortOrder and ListSort among them.
 */
import { registerListSort } from '../list.ts';
import {
  registerOrgUnitKind,
  registerOrgUnitList,
  registerOrgUnitMutations,
  registerOrgUnitReads,
  registerOrgUnitType,
} from './org-unit.ts';
import {
  registerPeopleRead,
  registerPersonList,
  registerPersonMutations,
  registerPersonType,
  registerRole,
} from './person.ts';
import { registerPropertyCommittee } from './property-committee.ts';
import {
  registerWishCategoriesRead,
  registerWishCategoryList,
  registerWishCategoryMutations,
  registerWishCategoryType,
} from './wish-category.ts';
import { registerWishEnums } from './wish-enums.ts';

// Enums: Role, OrgUnitKind, the wish's, then SortOrder (with the ListSort input).
registerRole();
registerOrgUnitKind();
registerWishEnums();
registerListSort();

// The organisation's object types.
registerOrgUnitType();
registerPersonType();
registerWishCategoryType();

// Reads for everyone, then the staff lists (whose filters are the first inputs after ListSort).
registerOrgUnitReads();
registerWishCategoriesRead();
registerPeopleRead();
registerOrgUnitList();
registerPersonList();
registerWishCategoryList();

// Mutations with their inputs and payloads.
registerOrgUnitMutations();
registerPersonMutations();
registerWishCategoryMutations();

// Property committees: enums, types, reads and mutations.
registerPropertyCommittee();
