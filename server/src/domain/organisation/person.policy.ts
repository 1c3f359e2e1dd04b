/**
 * Who reads a person's contact details — `phone` and `username` — whatever path reached the person (people lists,
 * rankings, wish assignees, residents and listers, committee members, activity attendees, login, me): the person,
 * street staff, and staff whose subtree holds one of the units the person holds a role at. The same people the
 * viewer may look up as staff (`person(id)`, organisation.policy.ts `seesPerson`), so a contact is never shown
 * where the person would be `null`. Everyone else, display screens included, gets null.
 */
import type { Viewer } from '../auth/viewer.ts';
import { isStreetAdmin, peoplePrefixes, type RoleFacts, seesPerson } from './organisation.policy.ts';

/** The facts the decision may need, fetched only when it does (through the request's loaders: batched). */
export type RoleFactsOf = (personId: number) => Promise<readonly RoleFacts[]>;

export async function seesContacts(viewer: Viewer | null, personId: number, rolesOf: RoleFactsOf): Promise<boolean> {
  if (viewer === null) return false;
  if (viewer.personId === personId || isStreetAdmin(viewer)) return true;
  // Without a staff role nobody else's contacts are readable: no need to look at the person's roles.
  if (peoplePrefixes(viewer).length === 0) return false;
  return seesPerson(viewer, await rolesOf(personId));
}
