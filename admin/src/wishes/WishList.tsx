import { useState } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  DataTable,
  DateField,
  List,
  NumberField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  useLocaleState,
} from 'react-admin';
import { NameField, useLocalName } from '../common/names.tsx';
import { useGql } from '../data/graphql-client.ts';
import { useLiveRefresh } from '../live/hooks.ts';
import { LiveIndicator } from '../live/LiveIndicator.tsx';
import { StatusChip } from './StatusChip.tsx';
import { StatusTabs } from './StatusTabs.tsx';

const CATEGORIES = `query WishCategoriesForFilter { wishCategories { code name nameZh } }`;

const WishFilters = () => {
  const name = useLocalName();
  const { data } = useGql<{ wishCategories: { code: string; name: string; nameZh: string }[] }>(
    ['wishCategories'],
    CATEGORIES,
  );
  const categories = (data?.wishCategories ?? []).map((c) => ({ id: c.code, name: name(c) }));
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <ReferenceInput key="orgUnitId" source="orgUnitId" reference="orgUnits" alwaysOn>
      <AutocompleteInput optionText={(u: { name?: string; nameZh?: string }) => name(u)} />
    </ReferenceInput>,
    <SelectInput key="categoryCode" source="categoryCode" choices={categories} />,
    <BooleanInput key="overdue" source="overdue" />,
    <BooleanInput key="mine" source="mine" />,
  ];
};

/** Wishes with the lifecycle as tabs; the page follows wish events live, without a reload. */
export const WishList = () => {
  const [locale] = useLocaleState();
  const [refreshKey, setRefreshKey] = useState(0);
  const filters = WishFilters();
  useLiveRefresh(() => {
    setRefreshKey((k) => k + 1);
    return true;
  });
  return (
    <List
      exporter={false}
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      actions={false}
      title="resources.wishes.name"
    >
      <LiveIndicator />
      <StatusTabs refreshKey={refreshKey} />
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="title" />
        <DataTable.Col source="status">
          <StatusChip />
        </DataTable.Col>
        <DataTable.Col source="category" disableSort>
          <NameField source="category" />
        </DataTable.Col>
        <DataTable.Col source="compound" disableSort>
          <NameField source="compound" />
        </DataTable.Col>
        <DataTable.Col source="handlingUnit" disableSort>
          <NameField source="handlingUnit" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" showTime locales={locale} />
        </DataTable.Col>
        <DataTable.Col source="dueAt">
          <DateField source="dueAt" locales={locale} />
        </DataTable.Col>
        <DataTable.Col source="rating">
          <NumberField source="rating" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
