import {
  CreateButton,
  DataTable,
  DateField,
  FilterButton,
  FunctionField,
  List,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useLocaleState,
} from 'react-admin';
import { NameField, useLocalName } from '../common/names.tsx';
import { useStaffRoles } from '../common/staff-roles.ts';
import { monthChoices, monthName } from './months.ts';
import { ThemeViewSwitch } from './ThemeViewSwitch.tsx';
import type { ThemeRow } from './theme-view.ts';

const ThemeFilters = () => {
  const [locale] = useLocaleState();
  const name = useLocalName();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <NumberInput key="year" source="year" min={2000} max={2100} alwaysOn />,
    <SelectInput key="month" source="month" choices={monthChoices(locale)} translateChoice={false} />,
    <ReferenceInput key="brandId" source="brandId" reference="serviceBrands">
      <SelectInput optionText={(b: { name?: string; nameZh?: string }) => name(b)} />
    </ReferenceInput>,
  ];
};

/**
 * The themes as the usual list. Its filters and pages stay out of the address (`?view=list` selects this
 * view; a list synced with the address would drop it).
 */
export const MonthlyThemeTable = () => {
  const [locale] = useLocaleState();
  const { isStreetAdmin } = useStaffRoles();
  return (
    <List
      exporter={false}
      disableSyncWithLocation
      storeKey="monthlyThemes.table"
      filters={ThemeFilters()}
      sort={{ field: 'month', order: 'DESC' }}
      actions={
        <TopToolbar>
          <ThemeViewSwitch />
          <FilterButton />
          {isStreetAdmin && <CreateButton />}
        </TopToolbar>
      }
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="year" />
        <DataTable.Col source="month">
          <FunctionField<ThemeRow> render={(r) => monthName(locale, r.month)} />
        </DataTable.Col>
        <DataTable.Col source="title" />
        <DataTable.Col source="brand" disableSort>
          <NameField source="brand" />
        </DataTable.Col>
        <DataTable.Col source="activities" disableSort>
          <FunctionField<ThemeRow> render={(r) => r.activities.length} />
        </DataTable.Col>
        <DataTable.Col source="updatedAt">
          <DateField source="updatedAt" showTime locales={locale} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
