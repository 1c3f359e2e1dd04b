/**
 * Who may change and see the organisation: units, people and their roles, wish categories. Pure functions over
 * the viewer (property committees: committees/committee.policy.ts).
 *
 * - STREET_ADMIN manages everything across the street.
 * - BRANCH_SECRETARY manages inside the subtree of the unit their role is attached to: compounds and grids
 *   below it (never their own unit or anything above), the people whose every role they could grant, and the
 *   roles RESIDENT, PARTY_MEMBER, VOLUNTEER and GRID_WORKER at their unit or below — BRANCH_SECRETARY only
 *   strictly below it; never STREET_ADMIN or DISPLAY. Categories and partner units are the street's.
 * - Everyone else manages nothing.
 *
 * "Visible" (NOT_FOUND otherwise) follows what the viewer can read: org units and categories are readable by
 * every logged-in user, people only by staff within their subtrees (`people`, `personList`).
 */
import type { OrgUnitKind } from '../../entities/org-unit.entity.ts';
import type { Role } from '../../entities/person.entity.ts';
import { isUnder, STAFF_ROLES, type Viewer } from '../auth/viewer.ts';

/** Where each kind of unit may hang. The street is the root and is never created or moved. */
export const PARENT_KINDS: Readonly<Record<OrgUnitKind, readonly OrgUnitKind[]>> = {
  STREET: [],
  COMMUNITY: ['STREET'],
  COMPOUND: ['COMMUNITY'],
  GRID: ['COMMUNITY', 'COMPOUND'],
  PARTNER: ['STREET'],
};

/** The kinds of unit a role can be attached to. */
export const ROLE_UNIT_KINDS: Readonly<Record<Role, readonly OrgUnitKind[]>> = {
  RESIDENT: ['COMPOUND'],
  GRID_WORKER: ['GRID'],
  PARTY_MEMBER: ['COMMUNITY', 'COMPOUND', 'PARTNER'],
  VOLUNTEER: ['COMMUNITY', 'COMPOUND', 'PARTNER'],
  BRANCH_SECRETARY: ['COMMUNITY', 'COMPOUND', 'GRID', 'PARTNER'],
  STREET_ADMIN: ['STREET'],
  DISPLAY: ['STREET', 'COMMUNITY', 'COMPOUND'],
};

/** Roles a secretary grants at their own unit or below. */
const SECRETARY_GRANTS: readonly Role[] = ['RESIDENT', 'PARTY_MEMBER', 'VOLUNTEER', 'GRID_WORKER'];
/** Kinds of unit a secretary creates, edits, moves and retires (strictly below their own unit). */
const SECRETARY_UNIT_KINDS: readonly OrgUnitKind[] = ['COMPOUND', 'GRID'];

export interface UnitFacts {
  kind: OrgUnitKind;
  path: string;
}

export interface RoleFacts {
  role: Role;
  /** Path of the unit the role is attached to. */
  path: string;
}

const strictlyUnder = (path: string, root: string) => path !== root && isUnder(path, root);

export function isStreetAdmin(viewer: Viewer): boolean {
  return viewer.roles.some((r) => r.role === 'STREET_ADMIN');
}

/** The units whose subtrees the viewer manages as a branch secretary. */
function secretaryPaths(viewer: Viewer): string[] {
  return viewer.roles.filter((r) => r.role === 'BRANCH_SECRETARY').map((r) => r.orgPath);
}

/** Units the viewer manages in any way (admin: the whole street). */
export function managerPaths(viewer: Viewer): string[] {
  return isStreetAdmin(viewer) ? ['/'] : secretaryPaths(viewer);
}

export function isManager(viewer: Viewer): boolean {
  return managerPaths(viewer).length > 0;
}

/** May edit, move away, retire or delete this unit. */
export function managesUnit(viewer: Viewer, unit: UnitFacts): boolean {
  if (isStreetAdmin(viewer)) return true;
  return (
    SECRETARY_UNIT_KINDS.includes(unit.kind) && secretaryPaths(viewer).some((root) => strictlyUnder(unit.path, root))
  );
}

/** May create a unit of this kind under this parent (or move one there). */
export function mayPlaceUnder(viewer: Viewer, kind: OrgUnitKind, parentPath: string): boolean {
  if (isStreetAdmin(viewer)) return true;
  return SECRETARY_UNIT_KINDS.includes(kind) && secretaryPaths(viewer).some((root) => isUnder(parentPath, root));
}

/** May grant (and revoke) this role at a unit with this path. */
export function mayGrant(viewer: Viewer, role: Role, unitPath: string): boolean {
  if (isStreetAdmin(viewer)) return true;
  return secretaryPaths(viewer).some((root) =>
    role === 'BRANCH_SECRETARY'
      ? strictlyUnder(unitPath, root)
      : SECRETARY_GRANTS.includes(role) && isUnder(unitPath, root),
  );
}

/** Wish categories are the street's: only the street admin creates, changes and deactivates them. */
export function managesWishCategories(viewer: Viewer): boolean {
  return isStreetAdmin(viewer);
}

/** Subtrees in which the viewer reads people: staff roles' scopes; the street admin also sees people without roles. */
export function peoplePrefixes(viewer: Viewer): string[] {
  return viewer.roles.filter((r) => STAFF_ROLES.includes(r.role)).map((r) => r.scopePath);
}

/** The subtrees of `unitPath` in which the viewer reads people: the deeper of the asked and each staff prefix. */
export function peoplePrefixesWithin(viewer: Viewer, unitPath: string): string[] {
  return peoplePrefixes(viewer).flatMap((s) => (isUnder(unitPath, s) ? [unitPath] : isUnder(s, unitPath) ? [s] : []));
}

export function seesPerson(viewer: Viewer, roles: readonly RoleFacts[]): boolean {
  if (isStreetAdmin(viewer)) return true;
  const prefixes = peoplePrefixes(viewer);
  return roles.some((r) => prefixes.some((p) => isUnder(r.path, p)));
}

/** May edit, deactivate or reactivate a person: only if every role they hold is one the viewer could grant. */
export function managesPerson(viewer: Viewer, roles: readonly RoleFacts[]): boolean {
  if (isStreetAdmin(viewer)) return true;
  return roles.length > 0 && roles.every((r) => mayGrant(viewer, r.role, r.path));
}
