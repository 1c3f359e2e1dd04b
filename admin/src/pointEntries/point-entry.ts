import type { PointKind } from '../pointRules/point-kinds.ts';

export const SOURCE_TYPES = ['WISH', 'ACTIVITY', 'YEAR', 'MANUAL', 'CORRECTION'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const sourceTypeChoices = SOURCE_TYPES.map((id) => ({ id, name: `wishgrid.pointEntries.sourceType.${id}` }));

/** Manual entries add or deduct; basic points come once a year by themselves. */
export const manualKindChoices = (['POSITIVE', 'DEDUCTION'] as const).map((id) => ({
  id,
  name: `wishgrid.pointKind.${id}`,
}));

export interface PointEntryRecord {
  id: string;
  kind: PointKind;
  amount: number;
  reason: string;
  at: string;
  year: number;
  sourceType: SourceType;
  sourceKey: string | null;
  reverses: string | null;
  rule: { id: string; code: string; name: string; nameZh: string } | null;
  member: { id: string; displayName: string };
  recordedBy: { id: string; displayName: string } | null;
}

/** The entry's effect on the balance: deductions count against it. */
export const signedAmount = (e: Pick<PointEntryRecord, 'kind' | 'amount'>): number =>
  e.kind === 'DEDUCTION' ? -e.amount : e.amount;
