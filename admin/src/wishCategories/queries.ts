import { changed, mutation, pick, resourceQueries } from '../data/resource-queries.ts';
import { graphql } from '../gql/gql.ts';

export const WishCategoryRow = graphql(`
  fragment WishCategoryRow on WishCategory { id code name nameZh dueInDays defaultLevel active sortOrder }
`);

export default resourceQueries({
  listField: 'wishCategoryList',
  oneField: 'wishCategory',
  filterType: 'WishCategoryListFilter',
  row: WishCategoryRow,
  toFilter: (f) => pick(f, ['ids', 'q', 'active']),
  create: mutation({
    field: 'createWishCategory',
    resultKey: 'category',
    fragments: [WishCategoryRow],
    // The record's English name is `name`; the input calls it `nameEn`.
    toInput: (d) => ({
      ...pick(d, ['code', 'nameZh', 'defaultLevel', 'dueInDays', 'sortOrder']),
      ...(d.name !== undefined && d.name !== '' ? { nameEn: d.name } : {}),
    }),
  }),
  update: mutation({
    field: 'updateWishCategory',
    resultKey: 'category',
    fragments: [WishCategoryRow],
    toInput: (d, id, previous) => {
      const { name, ...rest } = changed(d, previous, ['nameZh', 'name', 'defaultLevel', 'dueInDays', 'sortOrder']);
      return { categoryId: id, ...rest, ...(name !== undefined ? { nameEn: name } : {}) };
    },
  }),
});

export const DEACTIVATE_CATEGORY = graphql(`
  mutation DeactivateWishCategory($input: DeactivateWishCategoryInput!) {
    deactivateWishCategory(input: $input) { category { id active } }
  }
`);

/** There is no "activate" mutation: an update sets `active` back. */
export const REACTIVATE_CATEGORY = graphql(`
  mutation ReactivateWishCategory($input: UpdateWishCategoryInput!) {
    updateWishCategory(input: $input) { category { id active } }
  }
`);
