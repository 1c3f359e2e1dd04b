/**
 * Who verifies residents who registered themselves: a grid worker, branch secretary or the street admin whose
 * subtree holds the resident's compound (a grid worker covers the area of the grid's parent, like everywhere).
 */
import type { Role } from '../../entities/person.entity.ts';
import { isUnder, type Viewer } from '../auth/viewer.ts';

const VERIFIER_ROLES: readonly Role[] = ['GRID_WORKER', 'BRANCH_SECRETARY', 'STREET_ADMIN'];

/** The subtrees in which the viewer verifies residents. */
export function verifierPaths(viewer: Viewer): string[] {
  return viewer.roles.filter((r) => VERIFIER_ROLES.includes(r.role)).map((r) => r.scopePath);
}

export function mayVerify(viewer: Viewer, compoundPath: string): boolean {
  return verifierPaths(viewer).some((p) => isUnder(compoundPath, p));
}

/** The parts of `unitPath`'s subtree in which the viewer verifies residents: the deeper of the two, per role. */
export function verifierPathsWithin(viewer: Viewer, unitPath: string): string[] {
  return verifierPaths(viewer).flatMap((p) => (isUnder(unitPath, p) ? [unitPath] : isUnder(p, unitPath) ? [p] : []));
}
