import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { OrgUnit } from './org-unit.entity.ts';
import { Person } from './person.entity.ts';

export const SERVICE_MODES = ['SELF_MANAGED', 'PROFESSIONAL_COMPANY', 'COMMUNITY_SUPPORTED'] as const;
export const COMMITTEE_STATUSES = ['ACTIVE', 'DISSOLVED'] as const;
export const COMMITTEE_MEMBER_ROLES = ['CHAIR', 'VICE_CHAIR', 'MEMBER'] as const;

/** 物业管理委员会: for a compound without a property company; at most one ACTIVE per compound. */
export const PropertyCommittee = defineEntity({
  name: 'PropertyCommittee',
  tableName: 'property_committee',
  indexes: [
    {
      name: 'property_committee_one_active_per_compound',
      expression:
        'create unique index "property_committee_one_active_per_compound" on "property_committee" ("compound_id") where "status" = \'ACTIVE\'',
    },
  ],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    compound: () => p.manyToOne(OrgUnit).index(),
    name: p.string().length(200),
    foundedOn: p.date(),
    serviceMode: p.enum(() => SERVICE_MODES).nativeEnumName('service_mode'),
    companyName: p.string().length(200).nullable(),
    /** The party organisation founded together with the committee. */
    partyOrganization: p.string().length(200).nullable(),
    status: p
      .enum(() => COMMITTEE_STATUSES)
      .nativeEnumName('committee_status')
      .default('ACTIVE'),
    dissolvedOn: p.date().nullable(),
    notes: p.text().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    version: p.integer().default(1),
  }),
});
export type IPropertyCommittee = InferEntity<typeof PropertyCommittee>;

export const PropertyCommitteeMember = defineEntity({
  name: 'PropertyCommitteeMember',
  tableName: 'property_committee_member',
  uniques: [{ name: 'property_committee_member_unique', properties: ['committee', 'person'] }],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    committee: () => p.manyToOne(PropertyCommittee),
    person: () => p.manyToOne(Person).index(),
    role: p.enum(() => COMMITTEE_MEMBER_ROLES).nativeEnumName('committee_member_role'),
    isPartyMember: p.boolean().default(false),
    joinedOn: p.date(),
  }),
});
export type IPropertyCommitteeMember = InferEntity<typeof PropertyCommitteeMember>;
