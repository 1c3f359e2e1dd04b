import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Person } from './person.entity.ts';

export const POINT_ENTRY_KINDS = ['BASIC', 'POSITIVE', 'DEDUCTION'] as const;
export type PointEntryKind = (typeof POINT_ENTRY_KINDS)[number];

/** Amounts and caps as data that staff edit. `code` is what the server's automatic awards refer to. */
export const PointRule = defineEntity({
  name: 'PointRule',
  tableName: 'point_rule',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    code: p.string().length(50).unique(),
    nameZh: p.string().length(100),
    nameEn: p.string().length(100),
    kind: p.enum(() => POINT_ENTRY_KINDS).nativeEnumName('point_entry_kind'),
    amount: p.integer(),
    /** Most points one member may earn (or lose) by this rule in one year; null: no cap. */
    capPerYear: p.integer().nullable(),
    active: p.boolean().default(true),
    description: p.text().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    version: p.integer().default(1),
  }),
});
export type IPointRule = InferEntity<typeof PointRule>;

export const POINT_SOURCE_TYPES = ['WISH', 'ACTIVITY', 'YEAR', 'MANUAL', 'CORRECTION'] as const;
export type PointSourceType = (typeof POINT_SOURCE_TYPES)[number];

/**
 * The append-only ledger. Automatic entries are unique per (rule, source, person); a correction is a
 * reversing entry pointing at the one it reverses (at most one per entry).
 */
export const PointEntry = defineEntity({
  name: 'PointEntry',
  tableName: 'point_entry',
  uniques: [
    { name: 'point_entry_rule_source_person_unique', properties: ['rule', 'sourceKey', 'person'] },
    { name: 'point_entry_reverses_unique', properties: ['reverses'] },
  ],
  indexes: [
    { name: 'point_entry_person_year_index', properties: ['person', 'year'] },
    // A year's rankings read that year's entries only (Migration20261130230000_ScaleIndexes).
    {
      name: 'point_entry_year_person_index',
      expression:
        'create index "point_entry_year_person_index" on "point_entry" ("year", "person_id") include ("kind", "amount")',
    },
  ],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    person: () => p.manyToOne(Person),
    year: p.integer(),
    kind: p.enum(() => POINT_ENTRY_KINDS).nativeEnumName('point_entry_kind'),
    /** Always positive; the kind says whether it adds or deducts. */
    amount: p.integer(),
    rule: () => p.manyToOne(PointRule).nullable(),
    reason: p.string().length(500),
    sourceType: p.enum(() => POINT_SOURCE_TYPES).nativeEnumName('point_source_type'),
    /** "wish:12", "activity:5", "year:2026"; null for manual entries and corrections. */
    sourceKey: p.string().length(100).nullable(),
    reverses: () => p.manyToOne(PointEntry).nullable(),
    recordedBy: () => p.manyToOne(Person).nullable(),
    at: p.datetime(),
  }),
});
export type IPointEntry = InferEntity<typeof PointEntry>;
