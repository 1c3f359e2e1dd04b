import {
  DataTable,
  DateField,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectField,
  SelectInput,
  useLocaleState,
} from 'react-admin';
import { ListActions } from '../common/ListActions.tsx';
import { NameField } from '../common/names.tsx';
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

export const OrgUnitList = () => {
  const [locale] = useLocaleState();
  return (
    <List
      exporter={false}
      filters={filters}
      filterDefaultValues={{ retired: false }}
      actions={<ListActions creators="managers" />}
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
