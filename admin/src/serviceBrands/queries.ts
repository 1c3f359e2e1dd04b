import { gql } from '@apollo/client/core';
import { changed, type MutationSpec, mutation, pick, resourceQueries } from '../data/resource-queries.ts';

export const BRAND_FIELDS = 'id code name nameZh nameEn description active';

const EDITABLE = ['code', 'nameZh', 'nameEn', 'description', 'active'] as const;

// The delete payload carries only `deletedId` (a scalar), which `mutation()` cannot select: written out here.
const deleteBrand: MutationSpec = {
  document: gql(`mutation DeleteServiceBrand($input: DeleteServiceBrandInput!) {
    deleteServiceBrand(input: $input) { deletedId }
  }`),
  field: 'deleteServiceBrand',
  // Not in the payload: the data provider then answers with `{ id }`, all react-admin needs after a delete.
  resultKey: 'serviceBrand',
  toInput: (_data, id) => ({ id }),
};

export default resourceQueries({
  listField: 'serviceBrandList',
  oneField: 'serviceBrand',
  filterType: 'ServiceBrandListFilter',
  fields: BRAND_FIELDS,
  toFilter: (f) => pick(f, ['ids', 'q', 'active']),
  create: mutation({
    field: 'createServiceBrand',
    inputType: 'CreateServiceBrandInput',
    resultKey: 'serviceBrand',
    fields: BRAND_FIELDS,
    toInput: (d) => pick(d, EDITABLE),
  }),
  update: mutation({
    field: 'updateServiceBrand',
    inputType: 'UpdateServiceBrandInput',
    resultKey: 'serviceBrand',
    fields: BRAND_FIELDS,
    toInput: (d, id, previous) => ({ id, ...changed(d, previous, EDITABLE) }),
  }),
  delete: deleteBrand,
});
