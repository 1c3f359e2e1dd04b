import {
  BooleanField,
  DataTable,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectField,
  useLocaleState,
} from 'react-admin';
import { ListActions } from '../common/ListActions.tsx';
import { NameField } from '../common/names.tsx';
import { categoryLevelChoices } from './category-levels.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
];

export const WishCategoryList = () => {
  const [locale] = useLocaleState();
  return (
    <List
      exporter={false}
      filters={filters}
      actions={<ListActions creators="streetAdmins" />}
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
