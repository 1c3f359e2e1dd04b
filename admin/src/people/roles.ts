import type { OrgUnitKind } from '../orgUnits/org-unit-enums.ts';

// The roles a person may hold, as the API names them; labels are i18n keys.
export const ROLES = [
  'RESIDENT',
  'PARTY_MEMBER',
  'VOLUNTEER',
  'GRID_WORKER',
  'BRANCH_SECRETARY',
  'STREET_ADMIN',
  'DISPLAY',
] as const;
export type Role = (typeof ROLES)[number];

/** What a branch secretary may grant (BRANCH_SECRETARY only strictly below their unit: the server checks). */
export const SECRETARY_GRANTS: readonly Role[] = [
  'RESIDENT',
  'PARTY_MEMBER',
  'VOLUNTEER',
  'GRID_WORKER',
  'BRANCH_SECRETARY',
];

/** The kinds of unit each role may be attached to (the server's rule, used to narrow the unit picker). */
export const ROLE_UNIT_KINDS: Readonly<Record<Role, readonly OrgUnitKind[]>> = {
  RESIDENT: ['COMPOUND'],
  GRID_WORKER: ['GRID'],
  PARTY_MEMBER: ['COMMUNITY', 'COMPOUND', 'PARTNER'],
  VOLUNTEER: ['COMMUNITY', 'COMPOUND', 'PARTNER'],
  BRANCH_SECRETARY: ['COMMUNITY', 'COMPOUND', 'GRID', 'PARTNER'],
  STREET_ADMIN: ['STREET'],
  DISPLAY: ['STREET', 'COMMUNITY', 'COMPOUND'],
};

export const roleChoices = (roles: readonly Role[] = ROLES) =>
  roles.map((role) => ({ id: role, name: `wishgrid.people.role.${role}` }));

/** The unit picker's filter for a role: narrowed on the server when the role fits one kind of unit. */
export const unitFilterFor = (role: unknown): Record<string, unknown> => {
  const kinds = typeof role === 'string' && role in ROLE_UNIT_KINDS ? ROLE_UNIT_KINDS[role as Role] : [];
  return kinds.length === 1 ? { kind: kinds[0] } : {};
};
