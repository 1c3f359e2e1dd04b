/** Every resource's queries, by react-admin resource name. Plain data, no React (tests read it in Node). */
import wishes from '../wishes/queries.ts';
import type { ResourceQueries } from './resource-queries.ts';

export const registry: Record<string, ResourceQueries> = {
  wishes,
};
