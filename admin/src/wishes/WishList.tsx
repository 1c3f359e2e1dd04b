import { useState } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  DataTable,
  NumberField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { NameField, useLocalName } from '../common/names.tsx';
import { DateCol, ResourceList } from '../common/ResourceList.tsx';
import { useLiveRefresh } from '../live/hooks.ts';
import { LiveIndicator } from '../live/LiveIndicator.tsx';
import { useCategoryChoices } from './category-choices.ts';
import { StatusChip } from './StatusChip.tsx';
import { StatusTabs } from './StatusTabs.tsx';

const WishFilters = () => {
  const name = useLocalName();
  const categories = useCategoryChoices();
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
  const [refreshKey, setRefreshKey] = useState(0);
  const filters = WishFilters();
  useLiveRefresh(() => {
    setRefreshKey((k) => k + 1);
    return true;
  });
  return (
    <ResourceList
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      toolbar={false}
      title="resources.wishes.name"
      above={
        <>
          <LiveIndicator />
          <StatusTabs refreshKey={refreshKey} />
        </>
      }
    >
      <DataTable.Col source="title" />
      <DataTable.Col source="status" field={StatusChip} />
      <DataTable.Col source="category" disableSort>
        <NameField source="category" />
      </DataTable.Col>
      <DataTable.Col source="compound" disableSort>
        <NameField source="compound" />
      </DataTable.Col>
      <DataTable.Col source="address" disableSort>
        <TextField source="address" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="handlingUnit" disableSort>
        <NameField source="handlingUnit" />
      </DataTable.Col>
      <DateCol source="createdAt" showTime />
      <DateCol source="dueAt" />
      <DataTable.Col source="rating">
        <NumberField source="rating" emptyText="—" />
      </DataTable.Col>
    </ResourceList>
  );
};
