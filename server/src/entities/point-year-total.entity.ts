import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * A person's points balance of one year (deductions negative): a summary the database keeps in the same
 * transaction as every ledger entry (statement trigger of Migration20261201000120_PointYearTotals; the ledger is
 * append-only, so entries only add), for the rankings. Never written by the application.
 */
export const PointYearTotal = defineEntity({
  name: 'PointYearTotal',
  tableName: 'point_year_total',
  properties: (p) => ({
    personId: p.integer().primary(),
    year: p.integer().primary(),
    total: p.integer(),
  }),
});
export type IPointYearTotal = InferEntity<typeof PointYearTotal>;
