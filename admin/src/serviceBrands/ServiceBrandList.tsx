import {
  BooleanField,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  SearchInput,
  TopToolbar,
  useLocaleState,
} from 'react-admin';
import { NameField } from '../common/names.tsx';
import { useStaffRoles } from '../common/staff-roles.ts';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <NullableBooleanInput key="active" source="active" />];

export const ServiceBrandList = () => {
  const [locale] = useLocaleState();
  const { isStreetAdmin } = useStaffRoles();
  return (
    <List
      exporter={false}
      filters={filters}
      sort={{ field: 'code', order: 'ASC' }}
      actions={
        <TopToolbar>
          <FilterButton />
          {isStreetAdmin && <CreateButton />}
        </TopToolbar>
      }
    >
      {/* Only street staff change brands: others get a read-only table. */}
      <DataTable bulkActionButtons={false} rowClick={isStreetAdmin ? 'edit' : false}>
        <DataTable.Col source="code" />
        <DataTable.Col source={locale === 'en' ? 'nameEn' : 'nameZh'} label="resources.serviceBrands.fields.name">
          <NameField source="" />
        </DataTable.Col>
        <DataTable.Col source="description" disableSort />
        <DataTable.Col source="active">
          <BooleanField source="active" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
