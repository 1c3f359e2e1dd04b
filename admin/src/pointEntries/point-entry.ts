import { enumChoices, inOrder } from '../common/enum-choices.ts';
import type { PointEntryRowFragment, PointSourceType } from '../gql/graphql.ts';

const SOURCE_TYPES = inOrder<PointSourceType>({ WISH: 1, ACTIVITY: 2, YEAR: 3, MANUAL: 4, CORRECTION: 5 });

export const sourceTypeChoices = enumChoices(SOURCE_TYPES, 'wishgrid.pointEntries.sourceType');

/** Manual entries add or deduct; basic points come once a year by themselves. */
export const manualKindChoices = enumChoices(['POSITIVE', 'DEDUCTION'] as const, 'wishgrid.pointKind');

export type PointEntryRecord = PointEntryRowFragment;

/** The entry's effect on the balance: deductions count against it. */
export const signedAmount = (e: Pick<PointEntryRecord, 'kind' | 'amount'>): number =>
  e.kind === 'DEDUCTION' ? -e.amount : e.amount;
