/**
 * Who may manage a property committee, and who sees its members' contact details. Committees themselves (name,
 * mode, members' names) are readable by every logged-in user.
 */
import { isUnder, type Viewer } from '../auth/viewer.ts';
import { isStreetAdmin, managerPaths, peoplePrefixes } from '../organisation/organisation.policy.ts';

/** May set up, change and dissolve the property committee of a compound with this path (and change its members). */
export function managesCompound(viewer: Viewer, compoundPath: string): boolean {
  return managerPaths(viewer).some((root) => isUnder(compoundPath, root));
}

/** A member's username and phone number: for the member, and for staff whose subtree holds the compound. */
export function seesMemberContacts(viewer: Viewer | null, member: { personId: number; compoundPath: string }): boolean {
  return (
    viewer !== null &&
    (viewer.personId === member.personId ||
      isStreetAdmin(viewer) ||
      peoplePrefixes(viewer).some((p) => isUnder(member.compoundPath, p)))
  );
}
