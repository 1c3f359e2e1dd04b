import { Activity, ActivityCheckIn, ActivitySignUp, MonthlyTheme, ServiceBrand } from './activity.entity.ts';
import { ChangeEvent } from './change-event.entity.ts';
import { Notification } from './notification.entity.ts';
import { NotificationChannelRow, NotificationDelivery } from './notification-delivery.entity.ts';
import { Open311Key } from './open311-key.entity.ts';
import { OrgUnit } from './org-unit.entity.ts';
import { AuthSession, Person, PersonRole } from './person.entity.ts';
import { Photo, PhotoUrlKey } from './photo.entity.ts';
import { PointYearTotal } from './point-year-total.entity.ts';
import { PointEntry, PointRule } from './points.entity.ts';
import { PropertyCommittee, PropertyCommitteeMember } from './property-committee.entity.ts';
import { PublicBoardSetting, WishFollower } from './street-insights.entity.ts';
import { Assignment, Meeting, Wish, WishCategory, WishEvent } from './wish.entity.ts';
import { WishCount, WishEventDay } from './wish-count.entity.ts';

export * from './activity.entity.ts';
export * from './change-event.entity.ts';
export * from './notification.entity.ts';
export * from './notification-delivery.entity.ts';
export * from './open311-key.entity.ts';
export * from './org-unit.entity.ts';
export * from './person.entity.ts';
export * from './photo.entity.ts';
export * from './point-year-total.entity.ts';
export * from './points.entity.ts';
export * from './property-committee.entity.ts';
export * from './street-insights.entity.ts';
export * from './wish.entity.ts';
export * from './wish-count.entity.ts';

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
  WishFollower,
  PublicBoardSetting,
  Open311Key,
  WishCount,
  WishEventDay,
  PointYearTotal,
  Photo,
  PhotoUrlKey,
  Notification,
  NotificationChannelRow,
  NotificationDelivery,
];
