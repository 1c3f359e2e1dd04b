import { Box } from '@mui/material';
import {
  FunctionField,
  Labeled,
  Link,
  NumberField,
  TextField,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { NameField } from '../common/names.tsx';
import { DateShown } from '../common/ResourceList.tsx';
import { ActivityStatusField } from './ActivityStatusField.tsx';
import type { ActivityRecord } from './activity-statuses.ts';

/** What, when, where and by whom: the activity's own facts. */
export const ActivitySummary = () => {
  const record = useRecordContext<ActivityRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        p: 2,
        gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(4, 1fr)' },
      }}
    >
      <Box sx={{ gridColumn: '1 / -1' }}>
        <Labeled source="title">
          <TextField source="title" variant="h6" />
        </Labeled>
      </Box>
      <Labeled source="status">
        <ActivityStatusField />
      </Labeled>
      <Labeled source="theme">
        <FunctionField<ActivityRecord>
          render={(r) =>
            r.theme ? (
              <Link to={createPath({ resource: 'monthlyThemes', id: r.theme.id, type: 'show' })}>{r.theme.title}</Link>
            ) : (
              translate('wishgrid.activities.noTheme')
            )
          }
        />
      </Labeled>
      <Labeled source="organizer">
        <NameField source="organizer" />
      </Labeled>
      <Labeled source="place">
        <TextField source="place" />
      </Labeled>
      <Labeled source="startsAt">
        <DateShown source="startsAt" moment />
      </Labeled>
      <Labeled source="endsAt">
        <DateShown source="endsAt" moment />
      </Labeled>
      <Labeled source="capacity">
        <NumberField source="capacity" />
      </Labeled>
      <Labeled source="pointsPerParticipant">
        <NumberField source="pointsPerParticipant" />
      </Labeled>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <Labeled source="description">
          <TextField source="description" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        </Labeled>
      </Box>
    </Box>
  );
};
