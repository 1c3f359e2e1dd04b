import { gql } from '@apollo/client/core';
import { changed, type MutationSpec, mutation, pick, resourceQueries } from '../data/resource-queries.ts';

// A theme holds a month's activities (about 25): the row keeps only what the year view and the list show.
export const THEME_FIELDS = `id year month title version updatedAt brand { id code name nameZh }
  activities { id title startsAt status }`;

export const THEME_DETAIL_FIELDS = `description goals createdAt
  activities { id title place startsAt endsAt status capacity signedUpCount checkedInCount
    organizer { id name nameZh } }`;

const EDITABLE = ['year', 'month', 'title', 'brandId', 'description', 'goals'] as const;

/** The form edits `brand.id` (so an edit starts from the record as read); the API takes `brandId`. */
function asInput(data: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!data) return {};
  const brand = data.brand as { id?: string | null } | null | undefined;
  return { ...data, brandId: brand?.id ?? null };
}

// Only a theme without activities may go (the server refuses others with its reason). The payload carries
// only `deletedId`, which `mutation()` cannot select: written out here.
const deleteTheme: MutationSpec = {
  document: gql(`mutation DeleteMonthlyTheme($input: DeleteMonthlyThemeInput!) {
    deleteMonthlyTheme(input: $input) { deletedId }
  }`),
  field: 'deleteMonthlyTheme',
  // Not in the payload: the data provider then answers with `{ id }`, all react-admin needs after a delete.
  resultKey: 'monthlyTheme',
  toInput: (_data, id) => ({ id }),
};

export default resourceQueries({
  listField: 'monthlyThemeList',
  oneField: 'monthlyTheme',
  filterType: 'MonthlyThemeListFilter',
  fields: THEME_FIELDS,
  detailFields: THEME_DETAIL_FIELDS,
  toFilter: (f) => pick(f, ['ids', 'q', 'year', 'month', 'brandId']),
  create: mutation({
    field: 'createMonthlyTheme',
    inputType: 'CreateMonthlyThemeInput',
    resultKey: 'monthlyTheme',
    fields: THEME_FIELDS,
    toInput: (d) => pick(asInput(d), EDITABLE),
  }),
  update: mutation({
    field: 'updateMonthlyTheme',
    inputType: 'UpdateMonthlyThemeInput',
    resultKey: 'monthlyTheme',
    fields: THEME_FIELDS,
    toInput: (d, id, previous) => ({
      id,
      ...changed(asInput(d), previous && asInput(previous), EDITABLE),
      ...(typeof previous?.version === 'number' ? { expectedVersion: previous.version } : {}),
    }),
  }),
  delete: deleteTheme,
});
