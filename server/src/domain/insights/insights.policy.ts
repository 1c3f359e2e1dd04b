/** Who may follow a wish, and who switches a street's public board. */
import { isUnder, isVerified, type Viewer } from '../auth/viewer.ts';
import type { WishRow } from '../wishes/wish.facts.ts';
import { canSeeWish } from '../wishes/wish.scope.ts';

/** The wish is there for the viewer: they may see it, or they live in its compound (as a similar wish shows it). */
export function mayLookAtWish(viewer: Viewer, wish: WishRow): boolean {
  return canSeeWish(viewer, wish) || viewer.roles.some((r) => r.role === 'RESIDENT' && r.orgUnitId === wish.compoundId);
}

/** A person follows a wish (a display screen is nobody; an unverified resident waits for verification). */
export function mayFollow(viewer: Viewer): boolean {
  return isVerified(viewer) && viewer.roles.some((r) => r.role !== 'DISPLAY');
}

/** Street admins and branch secretaries of the street itself switch its public board. */
export function maySwitchPublicBoard(viewer: Viewer, streetPath: string): boolean {
  return viewer.roles.some(
    (r) => (r.role === 'STREET_ADMIN' || r.role === 'BRANCH_SECRETARY') && isUnder(streetPath, r.scopePath),
  );
}
