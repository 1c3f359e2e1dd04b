export const POINT_KINDS = ['BASIC', 'POSITIVE', 'DEDUCTION'] as const;
export type PointKind = (typeof POINT_KINDS)[number];

export const pointKindChoices = POINT_KINDS.map((id) => ({ id, name: `wishgrid.pointKind.${id}` }));

export interface PointRuleRecord {
  id: string;
  code: string;
  name: string;
  nameZh: string;
  kind: PointKind;
  amount: number;
  capPerYear: number | null;
  active: boolean;
  description: string | null;
  version: number;
  updatedAt: string;
}
