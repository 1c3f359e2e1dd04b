import { Activity, ActivityCheckIn, ActivitySignUp, MonthlyTheme, ServiceBrand } from './activity.entity.ts';
import { ChangeEvent } from './change-event.entity.ts';
import { OrgUnit } from './org-unit.entity.ts';
import { AuthSession, Person, PersonRole } from './person.entity.ts';
import { PointEntry, PointRule } from './points.entity.ts';
import { PropertyCommittee, PropertyCommitteeMember } from './property-committee.entity.ts';
import { Assignment, Meeting, Wish, WishCategory, WishEvent } from './wish.entity.ts';

export * from './activity.entity.ts';
export * from './change-event.entity.ts';
export * from './org-unit.entity.ts';
export * from './person.entity.ts';
export * from './points.entity.ts';
export * from './property-committee.entity.ts';
export * from './wish.entity.ts';

export const entities = [
  OrgUnit,
  Person,
  PersonRole,
  AuthSession,
  WishCategory,
  Wish,
  Assignment,
  WishEvent,
  Meeting,
  ChangeEvent,
  ServiceBrand,
  MonthlyTheme,
  Activity,
  ActivitySignUp,
  ActivityCheckIn,
  PointRule,
  PointEntry,
  PropertyCommittee,
  PropertyCommitteeMember,
];
