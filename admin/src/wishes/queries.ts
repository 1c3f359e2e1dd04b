import { mutation, pick, resourceQueries } from '../data/resource-queries.ts';

export const WISH_ROW_FIELDS = `id title status channel overdue rating reopenCount createdAt updatedAt dueAt
  category { code name nameZh } compound { id name nameZh } handlingUnit { id name nameZh kind }`;

export const WISH_DETAIL_FIELDS = `description ratingComment availableActions
  resident { id displayName phone } listedBy { id displayName } supervisor { id displayName }
  assignees { id displayName }
  events { sequence action fromStatus toStatus at note actor { id displayName } }
  meetings { id heldAt place participants decisions recordedBy { id displayName } }`;

export default resourceQueries({
  listField: 'wishList',
  oneField: 'wish',
  filterType: 'WishListFilter',
  fields: WISH_ROW_FIELDS,
  detailFields: WISH_DETAIL_FIELDS,
  toFilter: (f) => ({
    ...pick(f, ['ids', 'q', 'orgUnitId', 'handlingUnitId', 'categoryCode', 'overdue', 'mine']),
    ...(f.status ? { status: Array.isArray(f.status) ? f.status : [f.status] } : {}),
  }),
  create: mutation({
    field: 'submitWish',
    inputType: 'SubmitWishInput',
    resultKey: 'wish',
    fields: WISH_ROW_FIELDS,
    toInput: (d) => ({
      description: '',
      ...pick(d, ['title', 'description', 'categoryCode', 'orgUnitId', 'channel', 'residentId']),
    }),
  }),
});
