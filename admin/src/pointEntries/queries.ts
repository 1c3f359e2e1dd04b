import { mutation, pick, resourceQueries } from '../data/resource-queries.ts';

export const ENTRY_FIELDS = `id kind amount reason at year sourceType sourceKey reverses
  rule { id code name nameZh } member { id displayName } recordedBy { id displayName }`;

export default resourceQueries({
  listField: 'pointEntryList',
  oneField: 'pointEntry',
  filterType: 'PointEntryListFilter',
  fields: ENTRY_FIELDS,
  toFilter: (f) => pick(f, ['ids', 'q', 'personId', 'orgUnitId', 'year', 'kind', 'ruleId', 'sourceType']),
  // A manual entry by a secretary: POSITIVE or DEDUCTION, 1–1000 points, with a reason.
  create: mutation({
    field: 'recordPoints',
    inputType: 'RecordPointsInput',
    resultKey: 'entry',
    fields: ENTRY_FIELDS,
    toInput: (d) => pick(d, ['personId', 'kind', 'amount', 'reason']),
  }),
});
