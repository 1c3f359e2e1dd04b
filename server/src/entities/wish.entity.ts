import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { OrgUnit } from './org-unit.entity.ts';
import { Person } from './person.entity.ts';

/** The wish's states, the actions between them and the channels it arrives by (the lifecycle table lives in domain/wishes). */
export const WISH_STATUSES = [
  'SUBMITTED',
  'OPEN_FOR_CLAIM',
  'DISPATCHED',
  'ACCEPTED',
  'RESOLVED',
  'CLOSED',
  'REJECTED',
  'CANCELLED',
] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];

export const WISH_ACTIONS = [
  'SUBMIT',
  'DISPATCH',
  'OPEN_FOR_CLAIM',
  'CLAIM',
  'ACCEPT',
  'DECLINE',
  'ABANDON',
  'RESOLVE',
  'EVALUATE',
  'REOPEN',
  'ESCALATE',
  'REJECT',
  'CANCEL',
  'AUTO_CLOSE',
  'CLOSE_UNEVALUATED',
  'MERGE',
] as const;
export type WishAction = (typeof WISH_ACTIONS)[number];

export const WISH_CHANNELS = ['APP', 'GRID_VISIT', 'HOTLINE', 'WALK_IN'] as const;
export type WishChannel = (typeof WISH_CHANNELS)[number];

export const HANDLING_LEVELS = ['COMPOUND', 'COMMUNITY', 'STREET'] as const;

/** Categories are data (like Open311 service definitions), not an enum. */
export const WishCategory = defineEntity({
  name: 'WishCategory',
  tableName: 'wish_category',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    code: p.string().length(50).unique(),
    nameZh: p.string().length(100),
    nameEn: p.string().length(100),
    defaultLevel: p.enum(() => HANDLING_LEVELS).nativeEnumName('handling_level'),
    dueInDays: p.integer(),
    sortOrder: p.integer().default(0),
    active: p.boolean().default(true),
  }),
});
export type IWishCategory = InferEntity<typeof WishCategory>;

export const Wish = defineEntity({
  name: 'Wish',
  tableName: 'wish',
  // The lists' default order (newest first) and the recent-window boards (Migration20261130230000_ScaleIndexes).
  indexes: [
    {
      name: 'wish_created_at_id_index',
      expression: 'create index "wish_created_at_id_index" on "wish" ("created_at" desc nulls last, "id" desc)',
    },
    // Similar wishes (Migration20261201000400_StreetInsights): trigrams over the text as character bigrams.
    {
      name: 'wish_title_trgm_index',
      expression: 'create index "wish_title_trgm_index" on "wish" using gin (wish_search_text("title") gin_trgm_ops)',
    },
    {
      name: 'wish_text_trgm_index',
      expression: `create index "wish_text_trgm_index" on "wish" using gin (wish_search_text("title" || ' ' || "description") gin_trgm_ops)`,
    },
  ],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    title: p.string().length(100),
    description: p.text(),
    category: () => p.manyToOne(WishCategory).index(),
    /** The compound where it was listed: decides who may see it. */
    compound: () => p.manyToOne(OrgUnit).index(),
    /** The unit handling it now: the compound, or a community / the street after escalation. */
    handlingUnit: () => p.manyToOne(OrgUnit).index(),
    status: p
      .enum(() => WISH_STATUSES)
      .nativeEnumName('wish_status')
      .index(),
    channel: p.enum(() => WISH_CHANNELS).nativeEnumName('wish_channel'),
    resident: () => p.manyToOne(Person).nullable().index(),
    listedBy: () => p.manyToOne(Person).index(),
    rating: p.integer().nullable(),
    ratingComment: p.text().nullable(),
    reopenCount: p.integer().default(0),
    dueAt: p.datetime().nullable(),
    /** Building, unit, room (e.g. "3号楼2单元401"): personal data, like the description. */
    address: p.string().length(100).nullable(),
    /** Optimistic concurrency: every transition is a conditional update on this column. */
    version: p.integer().default(1),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    assignments: () => p.oneToMany(Assignment).mappedBy('wish'),
  }),
});
export type IWish = InferEntity<typeof Wish>;

export const ASSIGNMENT_KINDS = ['ASSIGNEE', 'SUPERVISOR'] as const;

export const Assignment = defineEntity({
  name: 'Assignment',
  tableName: 'assignment',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    wish: () => p.manyToOne(Wish).index(),
    person: () => p.manyToOne(Person).index(),
    kind: p.enum(() => ASSIGNMENT_KINDS).nativeEnumName('assignment_kind'),
    /** False once the wish went back to SUBMITTED (declined, abandoned, escalated, reopened). */
    active: p.boolean().default(true),
    assignedAt: p.datetime(),
    assignedBy: () => p.manyToOne(Person).nullable(),
    releasedAt: p.datetime().nullable(),
  }),
});
export type IAssignment = InferEntity<typeof Assignment>;

/** Append-only: one row per transition, `sequence` grows across all wishes. */
export const WishEvent = defineEntity({
  name: 'WishEvent',
  tableName: 'wish_event',
  // Statistics over a period of time (Migration20261130230000_ScaleIndexes).
  indexes: [
    { properties: ['wish', 'sequence'] },
    { name: 'wish_event_at_index', expression: 'create index "wish_event_at_index" on "wish_event" ("at")' },
  ],
  properties: (p) => ({
    sequence: p.bigint('number').primary().autoincrement(),
    wish: () => p.manyToOne(Wish),
    action: p.enum(() => WISH_ACTIONS).nativeEnumName('wish_action'),
    fromStatus: p
      .enum(() => WISH_STATUSES)
      .nativeEnumName('wish_status')
      .nullable(),
    toStatus: p.enum(() => WISH_STATUSES).nativeEnumName('wish_status'),
    actor: () => p.manyToOne(Person).nullable(),
    at: p.datetime(),
    note: p.text().nullable(),
    data: p.json<Record<string, unknown>>().nullable(),
  }),
});
export type IWishEvent = InferEntity<typeof WishEvent>;

/** Coordination meeting records (on-site meetings with property managers, members, residents). */
export const Meeting = defineEntity({
  name: 'Meeting',
  tableName: 'meeting',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    wish: () => p.manyToOne(Wish).index(),
    heldAt: p.datetime(),
    place: p.string().length(200).nullable(),
    participants: p.text(),
    decisions: p.text(),
    recordedBy: () => p.manyToOne(Person),
    createdAt: p.datetime(),
  }),
});
export type IMeeting = InferEntity<typeof Meeting>;
