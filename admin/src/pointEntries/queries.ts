import { mutation, pick, resourceQueries } from '../data/resource-queries.ts';
import { graphql } from '../gql/gql.ts';

export const PointEntryRow = graphql(`
  fragment PointEntryRow on PointEntry {
    id kind amount reason at year sourceType sourceKey reverses
    rule { id code name nameZh } member { id displayName } recordedBy { id displayName }
  }
`);

export default resourceQueries({
  listField: 'pointEntryList',
  oneField: 'pointEntry',
  filterType: 'PointEntryListFilter',
  row: PointEntryRow,
  toFilter: (f) => pick(f, ['ids', 'q', 'personId', 'orgUnitId', 'year', 'kind', 'ruleId', 'sourceType']),
  // A manual entry by a secretary: POSITIVE or DEDUCTION, 1–1000 points, with a reason.
  create: mutation({
    field: 'recordPoints',
    resultKey: 'entry',
    fragments: [PointEntryRow],
    toInput: (d) => pick(d, ['personId', 'kind', 'amount', 'reason']),
  }),
});

/** Reverses an entry: the original stays and a reversing entry is added. */
export const CORRECT_ENTRY = graphql(`
  mutation CorrectPointEntry($input: CorrectPointEntryInput!) { correctPointEntry(input: $input) { entry { id } } }
`);
