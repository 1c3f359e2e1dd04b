import {
  BooleanField,
  DataTable,
  DateField,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  useLocaleState,
} from 'react-admin';
import { ListActions } from '../common/ListActions.tsx';
import { OrgUnitInput } from '../orgUnits/OrgUnitInput.tsx';
import { RolesField } from './RolesField.tsx';
import { roleChoices } from './roles.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <OrgUnitInput key="orgUnitId" source="orgUnitId" label="resources.people.fields.orgUnitId" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices()} alwaysOn />,
  <NullableBooleanInput key="active" source="active" />,
];

// Staff see the people holding a role in their own subtrees: the server decides.
export const PersonList = () => {
  const [locale] = useLocaleState();
  return (
    <List exporter={false} filters={filters} actions={<ListActions creators="managers" />}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="displayName" />
        <DataTable.Col source="username" />
        <DataTable.Col source="phone" disableSort />
        <DataTable.Col source="roles" disableSort>
          <RolesField />
        </DataTable.Col>
        <DataTable.Col source="active">
          <BooleanField source="active" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" locales={locale} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
