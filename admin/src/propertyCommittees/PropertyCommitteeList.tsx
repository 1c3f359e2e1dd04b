import {
  DataTable,
  DateField,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  useLocaleState,
} from 'react-admin';
import { ListActions } from '../common/ListActions.tsx';
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

export const PropertyCommitteeList = () => {
  const [locale] = useLocaleState();
  return (
    <List exporter={false} filters={filters} actions={<ListActions creators="managers" />}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="compound">
          <UnitLink source="compound" />
        </DataTable.Col>
        <DataTable.Col source="name" />
        <DataTable.Col source="chair" disableSort>
          <TextField source="chair.displayName" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="serviceMode">
          <SelectField source="serviceMode" choices={serviceModeChoices} />
        </DataTable.Col>
        <DataTable.Col source="companyName" disableSort />
        <DataTable.NumberCol source="memberCount" disableSort />
        <DataTable.Col source="status">
          <SelectField source="status" choices={committeeStatusChoices} />
        </DataTable.Col>
        <DataTable.Col source="foundedOn">
          <DateField source="foundedOn" locales={locale} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
