import { DataTable, DateField, List, SelectField, useLocaleState } from 'react-admin';
import { wishStatusChoices } from './wish-statuses.ts';

// The server orders wishes itself and takes no sort argument, so no column offers sorting.
export const WishList = () => {
  // Dates follow the panel's language, not the browser's.
  const [locale] = useLocaleState();
  return (
    <List exporter={false}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="title" disableSort />
        <DataTable.Col source="status" disableSort>
          <SelectField source="status" choices={wishStatusChoices} />
        </DataTable.Col>
        <DataTable.Col source="category.name" label="resources.wishes.fields.category" disableSort />
        <DataTable.Col source="compound.name" label="resources.wishes.fields.compound" disableSort />
        <DataTable.Col source="createdAt" disableSort>
          <DateField source="createdAt" showTime locales={locale} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
