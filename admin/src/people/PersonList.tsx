import {
  BooleanField,
  CreateButton,
  DataTable,
  DateField,
  FilterButton,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useLocaleState,
} from 'react-admin';
import { useStaffRoles } from '../common/staff-roles.ts';
import { OrgUnitInput } from '../orgUnits/OrgUnitInput.tsx';
import { RolesField } from './RolesField.tsx';
import { roleChoices } from './roles.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <OrgUnitInput key="orgUnitId" source="orgUnitId" label="resources.people.fields.orgUnitId" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices()} alwaysOn />,
  <NullableBooleanInput key="active" source="active" />,
];

const PersonListActions = () => {
  const { isManager } = useStaffRoles();
  return (
    <TopToolbar>
      <FilterButton />
      {isManager ? <CreateButton /> : null}
    </TopToolbar>
  );
};

// Staff see the people holding a role in their own subtrees: the server decides.
export const PersonList = () => {
  const [locale] = useLocaleState();
  return (
    <List exporter={false} filters={filters} actions={<PersonListActions />}>
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
