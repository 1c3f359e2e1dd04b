// A committee's service mode, status and member roles (generated from the schema), in display order.
import { enumChoices, inOrder } from '../common/enum-choices.ts';
import type { PropertyCommitteeMemberRole, PropertyCommitteeStatus, PropertyServiceMode } from '../gql/graphql.ts';

const SERVICE_MODES = inOrder<PropertyServiceMode>({
  SELF_MANAGED: 1,
  PROFESSIONAL_COMPANY: 2,
  COMMUNITY_SUPPORTED: 3,
});
const COMMITTEE_STATUSES = inOrder<PropertyCommitteeStatus>({ ACTIVE: 1, DISSOLVED: 2 });
const MEMBER_ROLES = inOrder<PropertyCommitteeMemberRole>({ CHAIR: 1, VICE_CHAIR: 2, MEMBER: 3 });

export const serviceModeChoices = enumChoices(SERVICE_MODES, 'wishgrid.propertyCommittees.serviceMode');
export const committeeStatusChoices = enumChoices(COMMITTEE_STATUSES, 'wishgrid.propertyCommittees.status');
export const memberRoleChoices = enumChoices(MEMBER_ROLES, 'wishgrid.propertyCommittees.memberRole');
