import {
  CreateButton,
  DataTable,
  DateField,
  FilterButton,
  FunctionField,
  List,
  TopToolbar,
  useLocaleState,
} from 'react-admin';
import { NameField } from '../common/names.tsx';
import { useStaffRoles } from '../common/staff-roles.ts';
import { activityFilters } from './ActivityFilters.tsx';
import { ActivityStatusField } from './ActivityStatusField.tsx';
import type { ActivityRecord } from './activity-statuses.ts';

export const ActivityList = () => {
  const [locale] = useLocaleState();
  const { isManager } = useStaffRoles();
  return (
    <List
      exporter={false}
      filters={activityFilters}
      sort={{ field: 'startsAt', order: 'DESC' }}
      actions={
        <TopToolbar>
          <FilterButton />
          {isManager && <CreateButton />}
        </TopToolbar>
      }
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="title" />
        <DataTable.Col source="startsAt">
          <DateField
            source="startsAt"
            showTime
            locales={locale}
            options={{ dateStyle: 'medium', timeStyle: 'short' }}
          />
        </DataTable.Col>
        <DataTable.Col source="organizer" disableSort>
          <NameField source="organizer" />
        </DataTable.Col>
        <DataTable.Col source="theme" disableSort>
          <FunctionField<ActivityRecord> render={(r) => r.theme?.title ?? '—'} />
        </DataTable.Col>
        <DataTable.Col source="place" />
        <DataTable.Col source="status">
          <ActivityStatusField />
        </DataTable.Col>
        <DataTable.Col source="signedUpCount">
          <FunctionField<ActivityRecord> render={(r) => `${r.signedUpCount} / ${r.capacity}`} />
        </DataTable.Col>
        <DataTable.NumberCol source="checkedInCount" />
      </DataTable>
    </List>
  );
};
