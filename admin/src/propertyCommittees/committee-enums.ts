// A committee's service mode, status and member roles, as the API names them; labels are i18n keys.
export const SERVICE_MODES = ['SELF_MANAGED', 'PROFESSIONAL_COMPANY', 'COMMUNITY_SUPPORTED'] as const;
export const COMMITTEE_STATUSES = ['ACTIVE', 'DISSOLVED'] as const;
export const MEMBER_ROLES = ['CHAIR', 'VICE_CHAIR', 'MEMBER'] as const;

const choices = (values: readonly string[], prefix: string) =>
  values.map((value) => ({ id: value, name: `wishgrid.propertyCommittees.${prefix}.${value}` }));

export const serviceModeChoices = choices(SERVICE_MODES, 'serviceMode');
export const committeeStatusChoices = choices(COMMITTEE_STATUSES, 'status');
export const memberRoleChoices = choices(MEMBER_ROLES, 'memberRole');
