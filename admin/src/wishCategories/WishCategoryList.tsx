import {
  BooleanField,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectField,
  TopToolbar,
  useLocaleState,
} from 'react-admin';
import { NameField } from '../common/names.tsx';
import { useStaffRoles } from '../common/staff-roles.ts';
import { categoryLevelChoices } from './category-levels.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
];

const WishCategoryListActions = () => {
  // Categories are the street's: only street staff change them.
  const { isStreetAdmin } = useStaffRoles();
  return (
    <TopToolbar>
      <FilterButton />
      {isStreetAdmin ? <CreateButton /> : null}
    </TopToolbar>
  );
};

export const WishCategoryList = () => {
  const [locale] = useLocaleState();
  return (
    <List
      exporter={false}
      filters={filters}
      actions={<WishCategoryListActions />}
      sort={{ field: 'sortOrder', order: 'ASC' }}
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.NumberCol source="sortOrder" />
        <DataTable.Col source="code" />
        <DataTable.Col source={locale === 'en' ? 'name' : 'nameZh'} label="resources.wishCategories.fields.localName">
          <NameField source="" />
        </DataTable.Col>
        <DataTable.Col source="defaultLevel">
          <SelectField source="defaultLevel" choices={categoryLevelChoices} />
        </DataTable.Col>
        <DataTable.NumberCol source="dueInDays" />
        <DataTable.Col source="active">
          <BooleanField source="active" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
