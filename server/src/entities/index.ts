import { OrgUnit } from './org-unit.entity.ts';
import { AuthSession, Person, PersonRole } from './person.entity.ts';
import { Assignment, Meeting, Wish, WishCategory, WishEvent } from './wish.entity.ts';

export * from './org-unit.entity.ts';
export * from './person.entity.ts';
export * from './wish.entity.ts';

export const entities = [OrgUnit, Person, PersonRole, AuthSession, WishCategory, Wish, Assignment, WishEvent, Meeting];
