import { Divider } from '@mui/material';
import { EditButton, Show, TabbedShowLayout, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { ActivityCheckIns } from './ActivityCheckIns.tsx';
import { ActivityCounts } from './ActivityCounts.tsx';
import { ActivitySignUps } from './ActivitySignUps.tsx';
import { ActivitySummary } from './ActivitySummary.tsx';
import { type ActivityRecord, activityActions } from './activity-statuses.ts';
import { CancelActivityButton } from './CancelActivityButton.tsx';
import { FinishActivityButton } from './FinishActivityButton.tsx';
import { LiveActivityRecord } from './LiveActivityRecord.tsx';

const ActivityShowActions = () => {
  const record = useRecordContext<ActivityRecord>();
  if (!record) return <TopToolbar />;
  const may = activityActions(record);
  return (
    <TopToolbar>
      {may.finish && <FinishActivityButton />}
      {may.cancel && <CancelActivityButton />}
      {may.edit && <EditButton />}
    </TopToolbar>
  );
};

const PeopleTabs = () => {
  const record = useRecordContext<ActivityRecord>();
  const translate = useTranslate();
  const signUps = record?.signUps?.length ?? 0;
  const checkIns = record?.checkIns?.length ?? 0;
  return (
    <TabbedShowLayout syncWithLocation={false}>
      <TabbedShowLayout.Tab label={`${translate('resources.activities.fields.checkIns')} (${checkIns})`}>
        <ActivityCheckIns />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={`${translate('resources.activities.fields.signUps')} (${signUps})`}>
        <ActivitySignUps />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  );
};

/** An activity with its live counts, sign-ups and check-ins, and the actions the viewer may take. */
export const ActivityShow = () => (
  <Show actions={<ActivityShowActions />}>
    <LiveActivityRecord>
      <ActivitySummary />
      <Divider />
      <ActivityCounts />
      <PeopleTabs />
    </LiveActivityRecord>
  </Show>
);
