import { mutation, pick, resourceQueries, updateMutation } from '../data/resource-queries.ts';
import { graphql } from '../gql/gql.ts';

export const ServiceBrandRow = graphql(`
  fragment ServiceBrandRow on ServiceBrand { id code name nameZh nameEn description active }
`);

const EDITABLE = ['code', 'nameZh', 'nameEn', 'description', 'active'] as const;

export default resourceQueries({
  listField: 'serviceBrandList',
  oneField: 'serviceBrand',
  filterType: 'ServiceBrandListFilter',
  row: ServiceBrandRow,
  toFilter: (f) => pick(f, ['ids', 'q', 'active']),
  create: mutation({
    field: 'createServiceBrand',
    resultKey: 'serviceBrand',
    fragments: [ServiceBrandRow],
    toInput: (d) => pick(d, EDITABLE),
  }),
  update: updateMutation({
    field: 'updateServiceBrand',
    resultKey: 'serviceBrand',
    fragments: [ServiceBrandRow],
    editable: EDITABLE,
  }),
  // The payload carries only `deletedId`: the data provider answers `{ id }`, all react-admin needs.
  delete: mutation({
    field: 'deleteServiceBrand',
    resultKey: 'serviceBrand',
    toInput: (_data, id) => ({ id }),
  }),
});
