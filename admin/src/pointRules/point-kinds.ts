import { enumChoices, inOrder } from '../common/enum-choices.ts';
import type { PointEntryKind, PointRuleRowFragment } from '../gql/graphql.ts';

export type PointKind = PointEntryKind;

export const POINT_KINDS = inOrder<PointKind>({ BASIC: 1, POSITIVE: 2, DEDUCTION: 3 });

export const pointKindChoices = enumChoices(POINT_KINDS, 'wishgrid.pointKind');

export type PointRuleRecord = PointRuleRowFragment;
