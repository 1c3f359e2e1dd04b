import { BooleanField, DataTable, NullableBooleanInput, SearchInput } from 'react-admin';
import { LocalNameCol, ResourceList, SelectCol } from '../common/ResourceList.tsx';
import { categoryLevelChoices } from './category-levels.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
];

export const WishCategoryList = () => (
  <ResourceList filters={filters} creators="streetAdmins" sort={{ field: 'sortOrder', order: 'ASC' }}>
    <DataTable.NumberCol source="sortOrder" />
    <DataTable.Col source="code" />
    <LocalNameCol label="resources.wishCategories.fields.localName" />
    <SelectCol source="defaultLevel" choices={categoryLevelChoices} />
    <DataTable.NumberCol source="dueInDays" />
    <DataTable.Col source="active" field={BooleanField} />
  </ResourceList>
);
