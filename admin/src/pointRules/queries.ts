import { expectedVersion, mutation, pick, resourceQueries } from '../data/resource-queries.ts';
import { graphql } from '../gql/gql.ts';

export const PointRuleRow = graphql(`
  fragment PointRuleRow on PointRule { id code name nameZh kind amount capPerYear active description version updatedAt }
`);

/**
 * Only what changed goes to `updatePointRule`: the form's `name` is the English name (`nameEn` in the
 * input); an emptied yearly cap is `clearCap`. The version read guards against a concurrent edit.
 */
export function ruleUpdateInput(
  data: Record<string, unknown>,
  id: string | undefined,
  previous: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const input: Record<string, unknown> = { ruleId: id };
  const differs = (key: string) => previous === undefined || data[key] !== previous[key];
  if (differs('amount') && typeof data.amount === 'number') input.amount = data.amount;
  if (differs('active') && typeof data.active === 'boolean') input.active = data.active;
  if (differs('nameZh') && typeof data.nameZh === 'string') input.nameZh = data.nameZh;
  if (differs('name') && typeof data.name === 'string') input.nameEn = data.name;
  const cap = data.capPerYear;
  if (differs('capPerYear')) {
    if (cap === null || cap === undefined || cap === '') input.clearCap = true;
    else input.capPerYear = cap;
  }
  return { ...input, ...expectedVersion(previous) };
}

export default resourceQueries({
  listField: 'pointRuleList',
  oneField: 'pointRule',
  filterType: 'PointRuleListFilter',
  row: PointRuleRow,
  toFilter: (f) => pick(f, ['ids', 'q', 'kind', 'active']),
  update: mutation({
    field: 'updatePointRule',
    resultKey: 'rule',
    fragments: [PointRuleRow],
    toInput: ruleUpdateInput,
  }),
});
