import { enumChoices, inOrder } from '../common/enum-choices.ts';
import type { OrgUnitKind } from '../gql/graphql.ts';

// The levels that usually handle a category (the API accepts these three kinds of unit), nearest first.
const CATEGORY_LEVELS = inOrder<Extract<OrgUnitKind, 'COMPOUND' | 'COMMUNITY' | 'STREET'>>({
  COMPOUND: 1,
  COMMUNITY: 2,
  STREET: 3,
});

/** Labelled with the org unit kinds' names. */
export const categoryLevelChoices = enumChoices(CATEGORY_LEVELS, 'wishgrid.orgUnits.kind');
