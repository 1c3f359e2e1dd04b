import { DataTable, SearchInput, SelectInput, TextField } from 'react-admin';
import { DateCol, ResourceList, SelectCol } from '../common/ResourceList.tsx';
import { OrgUnitInput } from '../orgUnits/OrgUnitInput.tsx';
import { UnitLink } from '../orgUnits/UnitLink.tsx';
import { committeeStatusChoices, serviceModeChoices } from './committee-enums.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <OrgUnitInput
    key="communityId"
    source="communityId"
    label="resources.propertyCommittees.fields.communityId"
    filter={{ kind: 'COMMUNITY' }}
    alwaysOn
  />,
  <SelectInput key="status" source="status" choices={committeeStatusChoices} alwaysOn />,
  <SelectInput key="serviceMode" source="serviceMode" choices={serviceModeChoices} />,
  <OrgUnitInput
    key="compoundId"
    source="compoundId"
    label="resources.propertyCommittees.fields.compoundId"
    filter={{ kind: 'COMPOUND' }}
    includeRetired
  />,
];

export const PropertyCommitteeList = () => (
  <ResourceList filters={filters} creators="managers">
    <DataTable.Col source="compound">
      <UnitLink source="compound" />
    </DataTable.Col>
    <DataTable.Col source="name" />
    <DataTable.Col source="chair" disableSort>
      <TextField source="chair.displayName" emptyText="—" />
    </DataTable.Col>
    <SelectCol source="serviceMode" choices={serviceModeChoices} />
    <DataTable.Col source="companyName" disableSort />
    <DataTable.NumberCol source="memberCount" disableSort />
    <SelectCol source="status" choices={committeeStatusChoices} />
    <DateCol source="foundedOn" />
  </ResourceList>
);
