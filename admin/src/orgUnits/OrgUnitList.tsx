import {
  CreateButton,
  DataTable,
  DateField,
  FilterButton,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectField,
  SelectInput,
  TopToolbar,
  useLocaleState,
} from 'react-admin';
import { NameField } from '../common/names.tsx';
import { useStaffRoles } from '../common/staff-roles.ts';
import { OrgUnitInput } from './OrgUnitInput.tsx';
import { OrgUnitTree } from './OrgUnitTree.tsx';
import { orgUnitKindChoices, propertyStatusChoices } from './org-unit-enums.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={orgUnitKindChoices} alwaysOn />,
  <OrgUnitInput key="parentId" source="parentId" label="resources.orgUnits.fields.parentId" alwaysOn />,
  <OrgUnitInput key="underId" source="underId" label="resources.orgUnits.fields.underId" />,
  <NullableBooleanInput key="retired" source="retired" />,
];

const OrgUnitListActions = () => {
  const { isManager } = useStaffRoles();
  return (
    <TopToolbar>
      <FilterButton />
      {isManager ? <CreateButton /> : null}
    </TopToolbar>
  );
};

export const OrgUnitList = () => {
  const [locale] = useLocaleState();
  return (
    <List
      exporter={false}
      filters={filters}
      filterDefaultValues={{ retired: false }}
      actions={<OrgUnitListActions />}
      aside={<OrgUnitTree />}
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        {/* Sorted by the name of the panel's language. */}
        <DataTable.Col source={locale === 'en' ? 'name' : 'nameZh'} label="resources.orgUnits.fields.localName">
          <NameField source="" />
        </DataTable.Col>
        <DataTable.Col source="kind" sx={{ whiteSpace: 'nowrap' }}>
          <SelectField source="kind" choices={orgUnitKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="parent" disableSort sx={{ whiteSpace: 'nowrap' }}>
          <NameField source="parent" />
        </DataTable.Col>
        <DataTable.NumberCol source="population" />
        <DataTable.NumberCol source="households" />
        <DataTable.Col source="propertyStatus" disableSort sx={{ whiteSpace: 'nowrap' }}>
          <SelectField source="propertyStatus" choices={propertyStatusChoices} emptyText="" />
        </DataTable.Col>
        <DataTable.Col source="retiredAt">
          <DateField source="retiredAt" locales={locale} emptyText="" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
