/** Who is asking: a person and the roles they hold, each with the subtree it covers. */
import type { PersonVerification, Role } from '../../entities/person.entity.ts';

export interface ViewerRole {
  role: Role;
  orgUnitId: number;
  /** Materialized path of the unit ("/1/3/17/"). */
  orgPath: string;
  /** The subtree this role covers: the unit itself, or for a grid its parent (a grid covers its general area). */
  scopePath: string;
}

export interface Viewer {
  personId: number;
  displayName: string;
  roles: readonly ViewerRole[];
  /** PENDING or REJECTED: a self-registered resident not (yet) verified; absent means VERIFIED. */
  verification?: PersonVerification;
}

export const STAFF_ROLES: readonly Role[] = ['BRANCH_SECRETARY', 'GRID_WORKER', 'STREET_ADMIN'];

/** A path lies in the subtree rooted at `rootPath` (materialized paths end in "/"). */
export const isUnder = (path: string, rootPath: string) => path.startsWith(rootPath);

export function hasRole(viewer: Viewer, roles: readonly Role[]): boolean {
  return viewer.roles.some((r) => roles.includes(r.role));
}

export function isStaff(viewer: Viewer): boolean {
  return hasRole(viewer, STAFF_ROLES);
}

/** A DISPLAY-only account gets statuses, titles, categories and units, never personal data. */
export function isMasked(viewer: Viewer): boolean {
  return viewer.roles.length > 0 && viewer.roles.every((r) => r.role === 'DISPLAY');
}

/** Verified (or never needed it): anything but a PENDING or REJECTED self-registered resident. */
export function isVerified(viewer: Viewer): boolean {
  return viewer.verification === undefined || viewer.verification === 'VERIFIED';
}
