import { mutation, pick, resourceQueries, updateMutation } from '../data/resource-queries.ts';
import { graphql } from '../gql/gql.ts';

// A theme holds a month's activities (about 25): the row keeps only what the year view and the list show.
export const MonthlyThemeRow = graphql(`
  fragment MonthlyThemeRow on MonthlyTheme {
    id year month title version updatedAt brand { id code name nameZh }
    activities { id title startsAt status }
  }
`);

export const MonthlyThemeDetail = graphql(`
  fragment MonthlyThemeDetail on MonthlyTheme {
    description goals createdAt
    activities { id title place startsAt endsAt status capacity signedUpCount checkedInCount organizer { id name nameZh } }
  }
`);

const EDITABLE = ['year', 'month', 'title', 'brandId', 'description', 'goals'] as const;

/** The form edits `brand.id` (so an edit starts from the record as read); the API takes `brandId`. */
function asInput(data: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!data) return {};
  const brand = data.brand as { id?: string | null } | null | undefined;
  return { ...data, brandId: brand?.id ?? null };
}

export default resourceQueries({
  listField: 'monthlyThemeList',
  oneField: 'monthlyTheme',
  filterType: 'MonthlyThemeListFilter',
  row: MonthlyThemeRow,
  detail: MonthlyThemeDetail,
  toFilter: (f) => pick(f, ['ids', 'q', 'year', 'month', 'brandId']),
  create: mutation({
    field: 'createMonthlyTheme',
    resultKey: 'monthlyTheme',
    fragments: [MonthlyThemeRow],
    toInput: (d) => pick(asInput(d), EDITABLE),
  }),
  update: updateMutation({
    field: 'updateMonthlyTheme',
    resultKey: 'monthlyTheme',
    fragments: [MonthlyThemeRow],
    editable: EDITABLE,
    asInput,
  }),
  // Only a theme without activities may go (the server refuses others with its reason).
  delete: mutation({
    field: 'deleteMonthlyTheme',
    resultKey: 'monthlyTheme',
    toInput: (_data, id) => ({ id }),
  }),
});
