import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { OrgUnit } from './org-unit.entity.ts';

export const ROLES = [
  'RESIDENT',
  'GRID_WORKER',
  'PARTY_MEMBER',
  'VOLUNTEER',
  'BRANCH_SECRETARY',
  'STREET_ADMIN',
  'DISPLAY',
] as const;
export type Role = (typeof ROLES)[number];

/** A resident who registered themselves is PENDING until staff of the compound verify (or refuse) them. */
export const PERSON_VERIFICATIONS = ['PENDING', 'VERIFIED', 'REJECTED'] as const;
export type PersonVerification = (typeof PERSON_VERIFICATIONS)[number];

/** The languages a person reads notifications in: Simplified Chinese unless they chose English. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const Person = defineEntity({
  name: 'Person',
  tableName: 'person',
  // The residents waiting for verification (Migration20261201000200_ResidentsAndNotifications).
  indexes: [
    {
      name: 'person_pending_index',
      expression: `create index "person_pending_index" on "person" ("registered_at", "id") where "verification" = 'PENDING'`,
    },
  ],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    /** Null for people who have no login (most residents known only to their grid worker). */
    username: p.string().length(100).nullable().unique(),
    displayName: p.string().length(100),
    phone: p.string().length(30).nullable(),
    passwordHash: p.string().length(300).nullable().hidden().lazy(),
    /** A deactivated person can no longer log in; their history stays. */
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** Staff-created and seeded people are VERIFIED; self-registered residents start PENDING. */
    verification: p
      .enum(() => PERSON_VERIFICATIONS)
      .nativeEnumName('person_verification')
      .default('VERIFIED'),
    /** When a resident registered themselves (null for people staff created). */
    registeredAt: p.datetime().nullable(),
    /** Building, unit, room within the compound, as the resident gave it. */
    address: p.string().length(100).nullable(),
    language: p.string().length(10).default('zh-CN'),
    roles: () => p.oneToMany(PersonRole).mappedBy('person'),
  }),
});
export type IPerson = InferEntity<typeof Person>;

export const PersonRole = defineEntity({
  name: 'PersonRole',
  tableName: 'person_role',
  uniques: [{ properties: ['person', 'role', 'orgUnit'] }],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    person: () => p.manyToOne(Person).index(),
    role: p.enum(() => ROLES).nativeEnumName('role'),
    orgUnit: () => p.manyToOne(OrgUnit).index(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type IPersonRole = InferEntity<typeof PersonRole>;

/** Bearer tokens: only a SHA-256 of the token is stored, so a database leak yields no usable token. */
export const AuthSession = defineEntity({
  name: 'AuthSession',
  tableName: 'auth_session',
  properties: (p) => ({
    tokenHash: p.string().length(64).primary(),
    person: () => p.manyToOne(Person).index(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime().index(),
  }),
});
export type IAuthSession = InferEntity<typeof AuthSession>;
