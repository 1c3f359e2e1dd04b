/**
 * Volunteering (service brands, monthly themes, activities, attendance) and the points ledger, registered in the
 * order schema/schema.graphql publishes them. Pothos prints each kind (enums, inputs, objects, then the Query,
 * Mutation and Subscription fields) in the order it was registered, and the published order interleaves the
 * type groups, so each group file only defines its parts and this file registers them, kind by kind (a group's
 * mutations register with their inputs: both kinds list the groups in the same order).
 * schema.ts imports it where these parts stand in the schema (after the wishes, before the statistics).
 */

import { builder } from '../builder.ts';
import {
  registerActivity,
  registerActivityConnection,
  registerActivityEnums,
  registerActivityFilters,
  registerActivityMutations,
  registerActivityPayload,
  registerActivityQueries,
} from './activity.ts';
import {
  registerAttendanceMutations,
  registerAttendanceQueries,
  registerAttendanceTypes,
  registerParticipationTypes,
} from './activity-attendance.ts';
import {
  registerDeleteMonthlyThemePayload,
  registerMonthlyTheme,
  registerMonthlyThemeListFilter,
  registerMonthlyThemeMutations,
  registerMonthlyThemePayload,
  registerMonthlyThemeQueries,
} from './monthly-theme.ts';
import {
  pointEntryQueries,
  registerGrantBasicPoints,
  registerPointEntryListFilter,
  registerPointEntryMutations,
  registerPointEntryTypes,
  registerPointEnums,
} from './point-entry.ts';
import {
  pointRuleQueries,
  registerPointRule,
  registerPointRuleListFilter,
  registerPointRuleMutation,
  registerPointRulePayload,
} from './point-rule.ts';
import {
  registerDeleteServiceBrandPayload,
  registerServiceBrand,
  registerServiceBrandListFilter,
  registerServiceBrandMutations,
  registerServiceBrandPayload,
  registerServiceBrandQueries,
} from './service-brand.ts';

// Enums.
registerActivityEnums();
registerPointEnums();

// Inputs: the list filters, then each group's mutation inputs with its mutations (Mutation prints in this order).
registerActivityFilters();
registerMonthlyThemeListFilter();
registerServiceBrandListFilter();
registerServiceBrandMutations();
registerMonthlyThemeMutations();
registerActivityMutations();
registerAttendanceMutations();
registerPointRuleListFilter();
registerPointEntryListFilter();
registerPointEntryMutations();
registerPointRuleMutation();
registerGrantBasicPoints();

// Objects: the types, then the mutations' payloads.
registerServiceBrand();
registerMonthlyTheme();
registerActivity();
registerAttendanceTypes();
registerActivityConnection();
registerParticipationTypes();
registerActivityPayload();
registerMonthlyThemePayload();
registerServiceBrandPayload();
registerDeleteMonthlyThemePayload();
registerDeleteServiceBrandPayload();
registerPointRule();
registerPointEntryTypes();
registerPointRulePayload();

// Queries (and the activity's subscription).
registerServiceBrandQueries();
registerMonthlyThemeQueries();
registerActivityQueries();
registerAttendanceQueries();
builder.queryFields((t) => {
  const { pointRule, pointRules, pointRuleList } = pointRuleQueries(t);
  const { pointRanking, pointEntry, pointEntryList } = pointEntryQueries(t);
  return { pointRanking, pointRule, pointEntry, pointRules, pointRuleList, pointEntryList };
});
