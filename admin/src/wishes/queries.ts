import { mutation, pick, resourceQueries } from '../data/resource-queries.ts';
import { graphql } from '../gql/gql.ts';

export const WishRow = graphql(`
  fragment WishRow on Wish {
    id title status channel overdue rating reopenCount createdAt updatedAt dueAt address
    category { code name nameZh } compound { id name nameZh } handlingUnit { id name nameZh kind }
  }
`);

export const WishDetail = graphql(`
  fragment WishDetail on Wish {
    description ratingComment availableActions
    resident { id displayName phone } listedBy { id displayName } supervisor { id displayName }
    assignees { id displayName }
    events { sequence action fromStatus toStatus at note actor { id displayName } }
    meetings { id heldAt place participants decisions recordedBy { id displayName } }
    photos { id stage url thumbnailUrl }
  }
`);

export default resourceQueries({
  listField: 'wishList',
  oneField: 'wish',
  filterType: 'WishListFilter',
  row: WishRow,
  detail: WishDetail,
  toFilter: (f) => ({
    ...pick(f, ['ids', 'q', 'orgUnitId', 'handlingUnitId', 'categoryCode', 'overdue', 'mine']),
    ...(f.status ? { status: Array.isArray(f.status) ? f.status : [f.status] } : {}),
  }),
  create: mutation({
    field: 'submitWish',
    resultKey: 'wish',
    fragments: [WishRow],
    toInput: (d) => ({
      description: '',
      ...pick(d, ['title', 'description', 'categoryCode', 'orgUnitId', 'channel', 'residentId', 'address']),
    }),
  }),
});
