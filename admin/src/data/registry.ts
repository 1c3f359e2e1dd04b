/** Every resource's queries, by react-admin resource name. Plain data, no React (tests read it in Node). */

import activities from '../activities/queries.ts';
import monthlyThemes from '../monthlyThemes/queries.ts';
import orgUnits from '../orgUnits/queries.ts';
import people from '../people/queries.ts';
import pointEntries from '../pointEntries/queries.ts';
import pointRules from '../pointRules/queries.ts';
import propertyCommittees from '../propertyCommittees/queries.ts';
import serviceBrands from '../serviceBrands/queries.ts';
import wishCategories from '../wishCategories/queries.ts';
import wishes from '../wishes/queries.ts';
import type { ResourceQueries } from './resource-queries.ts';

export const registry: Record<string, ResourceQueries> = {
  wishes,
  orgUnits,
  people,
  wishCategories,
  propertyCommittees,
  serviceBrands,
  monthlyThemes,
  activities,
  pointRules,
  pointEntries,
};
