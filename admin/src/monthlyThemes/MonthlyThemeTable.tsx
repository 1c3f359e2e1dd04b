import { DataTable, NumberInput, ReferenceInput, SearchInput, SelectInput, useLocaleState } from 'react-admin';
import { NameField, useLocalName } from '../common/names.tsx';
import { DateCol, ResourceList } from '../common/ResourceList.tsx';
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
  return (
    <ResourceList
      disableSyncWithLocation
      storeKey="monthlyThemes.table"
      filters={ThemeFilters()}
      creators="streetAdmins"
      toolbar={<ThemeViewSwitch />}
      sort={{ field: 'month', order: 'DESC' }}
    >
      <DataTable.Col source="year" />
      <DataTable.Col<ThemeRow> source="month" render={(r) => monthName(locale, r.month)} />
      <DataTable.Col source="title" />
      <DataTable.Col source="brand" disableSort>
        <NameField source="brand" />
      </DataTable.Col>
      <DataTable.Col<ThemeRow> source="activities" disableSort render={(r) => r.activities.length} />
      <DateCol source="updatedAt" showTime />
    </ResourceList>
  );
};
