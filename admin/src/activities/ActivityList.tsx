import { DataTable } from 'react-admin';
import { NameField } from '../common/names.tsx';
import { DateCol, ResourceList } from '../common/ResourceList.tsx';
import { activityFilters } from './ActivityFilters.tsx';
import { ActivityStatusField } from './ActivityStatusField.tsx';
import type { ActivityRecord } from './activity-statuses.ts';

export const ActivityList = () => (
  <ResourceList filters={activityFilters} creators="managers" sort={{ field: 'startsAt', order: 'DESC' }}>
    <DataTable.Col source="title" />
    <DateCol source="startsAt" moment />
    <DataTable.Col source="organizer" disableSort>
      <NameField source="organizer" />
    </DataTable.Col>
    <DataTable.Col<ActivityRecord> source="theme" disableSort render={(r) => r.theme?.title ?? '—'} />
    <DataTable.Col source="place" />
    <DataTable.Col source="status" field={ActivityStatusField} />
    <DataTable.Col<ActivityRecord> source="signedUpCount" render={(r) => `${r.signedUpCount} / ${r.capacity}`} />
    <DataTable.NumberCol source="checkedInCount" />
  </ResourceList>
);
