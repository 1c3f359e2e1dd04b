/**
 * Who may manage Open311 API keys: street staff (STREET_ADMIN) only — a key lists wishes anywhere in the street.
 * A key acts with the rights of the person who issued it: once they may no longer list wishes in a compound
 * (their street role revoked, their account deactivated), neither may the key.
 */
import type { Viewer } from '../auth/viewer.ts';
import { isStreetAdmin } from '../organisation/organisation.policy.ts';

export function managesOpen311Keys(viewer: Viewer): boolean {
  return isStreetAdmin(viewer);
}
