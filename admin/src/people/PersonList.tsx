import { BooleanField, DataTable, NullableBooleanInput, SearchInput, SelectInput } from 'react-admin';
import { DateCol, ResourceList } from '../common/ResourceList.tsx';
import { OrgUnitInput } from '../orgUnits/OrgUnitInput.tsx';
import { RolesField } from './RolesField.tsx';
import { roleChoices } from './roles.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <OrgUnitInput key="orgUnitId" source="orgUnitId" label="resources.people.fields.orgUnitId" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" />,
];

// Staff see the people holding a role in their own subtrees: the server decides.
export const PersonList = () => (
  <ResourceList filters={filters} creators="managers">
    <DataTable.Col source="displayName" />
    <DataTable.Col source="username" />
    <DataTable.Col source="phone" disableSort />
    <DataTable.Col source="roles" disableSort>
      <RolesField />
    </DataTable.Col>
    <DataTable.Col source="active" field={BooleanField} />
    <DateCol source="createdAt" />
  </ResourceList>
);
