import { DataTable, NullableBooleanInput, SearchInput, SelectInput } from 'react-admin';
import { NameField } from '../common/names.tsx';
import { DateCol, LocalNameCol, ResourceList, SelectCol } from '../common/ResourceList.tsx';
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

const noWrap = { whiteSpace: 'nowrap' };

export const OrgUnitList = () => (
  <ResourceList filters={filters} filterDefaultValues={{ retired: false }} creators="managers" aside={<OrgUnitTree />}>
    {/* Sorted by the name of the panel's language. */}
    <LocalNameCol label="resources.orgUnits.fields.localName" />
    <SelectCol source="kind" choices={orgUnitKindChoices} sx={noWrap} />
    <DataTable.Col source="parent" disableSort sx={noWrap}>
      <NameField source="parent" />
    </DataTable.Col>
    <DataTable.NumberCol source="population" />
    <DataTable.NumberCol source="households" />
    <SelectCol source="propertyStatus" choices={propertyStatusChoices} emptyText="" disableSort sx={noWrap} />
    <DateCol source="retiredAt" emptyText="" />
  </ResourceList>
);
