import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const ORG_UNIT_KINDS = ['STREET', 'COMMUNITY', 'COMPOUND', 'GRID', 'PARTNER'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/**
 * One node of the "1 + 6 + N" tree. `path` is the materialized list of ancestor ids
 * ("/1/3/17/"), so a subtree is one indexed prefix match.
 */
export const OrgUnit = defineEntity({
  name: 'OrgUnit',
  tableName: 'org_unit',
  // Subtree queries are `path like '/1/3/%'`: a pattern index serves them under any collation.
  indexes: [
    {
      name: 'org_unit_path_pattern_index',
      expression: 'create index "org_unit_path_pattern_index" on "org_unit" ("path" varchar_pattern_ops)',
    },
  ],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    kind: p.enum(() => ORG_UNIT_KINDS).nativeEnumName('org_unit_kind'),
    name: p.string().length(200),
    nameZh: p.string().length(200),
    parent: () => p.manyToOne(OrgUnit).nullable().index(),
    path: p.string().length(400).index(),
    population: p.integer().nullable(),
    households: p.integer().nullable(),
    hasPropertyManagement: p.boolean().nullable(),
    partyOrganization: p.string().length(200).nullable(),
    description: p.text().nullable(),
    /** Retired units stay for history (their wishes, events) but take no new work. */
    retiredAt: p.datetime().nullable(),
    version: p.integer().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  }),
});
export type IOrgUnit = InferEntity<typeof OrgUnit>;
