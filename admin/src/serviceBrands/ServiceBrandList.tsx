import { BooleanField, DataTable, NullableBooleanInput, SearchInput } from 'react-admin';
import { LocalNameCol, ResourceList } from '../common/ResourceList.tsx';
import { useStaffRoles } from '../common/staff-roles.ts';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <NullableBooleanInput key="active" source="active" />];

export const ServiceBrandList = () => {
  const { isStreetAdmin } = useStaffRoles();
  return (
    // Only street staff change brands: others get a read-only table.
    <ResourceList
      filters={filters}
      creators="streetAdmins"
      sort={{ field: 'code', order: 'ASC' }}
      rowClick={isStreetAdmin ? 'edit' : false}
    >
      <DataTable.Col source="code" />
      <LocalNameCol label="resources.serviceBrands.fields.name" en="nameEn" />
      <DataTable.Col source="description" disableSort />
      <DataTable.Col source="active" field={BooleanField} />
    </ResourceList>
  );
};
