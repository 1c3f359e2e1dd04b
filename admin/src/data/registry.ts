/// <reference types="vite/client" />
/**
 * Every resource's queries, by react-admin resource name: the default export of each resource folder's
 * `queries.ts` (the folder is named after the resource). Plain data, no React (tests read it in Node).
 */
import type { ResourceQueries } from './resource-queries.ts';

const modules = import.meta.glob<ResourceQueries>(['../*/queries.ts', '!../{dashboard,screen}/*'], {
  eager: true,
  import: 'default',
});

export const registry: Record<string, ResourceQueries> = Object.fromEntries(
  Object.entries(modules).map(([path, queries]) => [path.split('/')[1], queries]),
);
