import AddIcon from '@mui/icons-material/Add';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { Button } from '@mui/material';
import {
  ArrayField,
  DataTable,
  DateField,
  EditButton,
  FunctionField,
  Link,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCreatePath,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ActivityStatusField } from '../activities/ActivityStatusField.tsx';
import { NameField, useLocalName } from '../common/names.tsx';
import { useStaffRoles } from '../common/staff-roles.ts';
import { monthName } from './months.ts';
import type { ThemeRow } from './theme-view.ts';

const ThemeShowActions = () => {
  const record = useRecordContext<ThemeRow>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { isStreetAdmin, isManager } = useStaffRoles();
  return (
    <TopToolbar>
      {record && (
        <Button
          size="small"
          startIcon={<CalendarMonthIcon />}
          component={Link}
          to={{ pathname: createPath({ resource: 'monthlyThemes', type: 'list' }), search: `?year=${record.year}` }}
        >
          {translate('wishgrid.monthlyThemes.yearView')}
        </Button>
      )}
      {record && isManager && (
        <Button
          size="small"
          startIcon={<AddIcon />}
          component={Link}
          to={{
            pathname: createPath({ resource: 'activities', type: 'create' }),
            search: `?source=${encodeURIComponent(JSON.stringify({ theme: { id: record.id } }))}`,
          }}
        >
          {translate('wishgrid.monthlyThemes.addActivity')}
        </Button>
      )}
      {isStreetAdmin && <EditButton />}
    </TopToolbar>
  );
};

/** A theme with its brand, goals and the activities under it. */
export const MonthlyThemeShow = () => {
  const [locale] = useLocaleState();
  const name = useLocalName();
  const createPath = useCreatePath();
  return (
    <Show actions={<ThemeShowActions />}>
      <SimpleShowLayout>
        <TextField source="year" />
        <FunctionField<ThemeRow> source="month" render={(r) => monthName(locale, r.month)} />
        <TextField source="title" />
        <FunctionField<ThemeRow> source="brand" render={(r) => name(r.brand) || '—'} />
        <TextField source="description" emptyText="—" />
        <TextField source="goals" emptyText="—" />
        <ArrayField source="activities">
          <DataTable
            bulkActionButtons={false}
            rowClick={(id) => createPath({ resource: 'activities', id, type: 'show' })}
          >
            <DataTable.Col source="title" label="resources.activities.fields.title" disableSort />
            <DataTable.Col source="startsAt" label="resources.activities.fields.startsAt" disableSort>
              <DateField source="startsAt" showTime locales={locale} />
            </DataTable.Col>
            <DataTable.Col source="organizer" label="resources.activities.fields.organizer" disableSort>
              <NameField source="organizer" />
            </DataTable.Col>
            <DataTable.Col source="place" label="resources.activities.fields.place" disableSort />
            <DataTable.Col source="status" label="resources.activities.fields.status" disableSort>
              <ActivityStatusField />
            </DataTable.Col>
            <DataTable.NumberCol source="signedUpCount" label="resources.activities.fields.signedUpCount" disableSort />
            <DataTable.NumberCol
              source="checkedInCount"
              label="resources.activities.fields.checkedInCount"
              disableSort
            />
          </DataTable>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  );
};
