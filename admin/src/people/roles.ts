import { enumChoices } from '../common/enum-choices.ts';
import type { OrgUnitKind, Role } from '../gql/graphql.ts';

export type { Role };

interface RoleRules {
  /** The kinds of unit the role may be attached to (the server's rule, used to narrow the unit picker) */
  unitKinds: readonly OrgUnitKind[];
  /** A branch secretary may grant it too (BRANCH_SECRETARY only strictly below their unit: the server checks) */
  secretaryGrants: boolean;
}

/** The roles a person may hold, in display order. */
const ROLE_RULES = {
  RESIDENT: { unitKinds: ['COMPOUND'], secretaryGrants: true },
  PARTY_MEMBER: { unitKinds: ['COMMUNITY', 'COMPOUND', 'PARTNER'], secretaryGrants: true },
  VOLUNTEER: { unitKinds: ['COMMUNITY', 'COMPOUND', 'PARTNER'], secretaryGrants: true },
  GRID_WORKER: { unitKinds: ['GRID'], secretaryGrants: true },
  BRANCH_SECRETARY: { unitKinds: ['COMMUNITY', 'COMPOUND', 'GRID', 'PARTNER'], secretaryGrants: true },
  STREET_ADMIN: { unitKinds: ['STREET'], secretaryGrants: false },
  DISPLAY: { unitKinds: ['STREET', 'COMMUNITY', 'COMPOUND'], secretaryGrants: false },
} as const satisfies Record<Role, RoleRules>;

export const ROLES = Object.keys(ROLE_RULES) as Role[];

/** The roles the viewer may grant: every role for street staff, the secretary's ones otherwise. */
export const grantableRoleChoices = (isStreetAdmin: boolean) =>
  enumChoices(
    ROLES.filter((role) => isStreetAdmin || ROLE_RULES[role].secretaryGrants),
    'wishgrid.people.role',
  );

export const roleChoices = enumChoices(ROLES, 'wishgrid.people.role');

/** The unit picker's filter for a role: narrowed on the server when the role fits one kind of unit. */
export const unitFilterFor = (role: unknown): Record<string, unknown> => {
  const kinds: readonly OrgUnitKind[] =
    typeof role === 'string' && role in ROLE_RULES ? ROLE_RULES[role as Role].unitKinds : [];
  return kinds.length === 1 ? { kind: kinds[0] } : {};
};
