import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { ActivityStatus } from './activity-statuses.ts';

const COLORS: Record<ActivityStatus, 'info' | 'success' | 'default'> = {
  PLANNED: 'info',
  FINISHED: 'success',
  CANCELLED: 'default',
};

export const ActivityStatusField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<{ status: ActivityStatus }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      data-testid="activity-status"
      data-status={record.status}
      color={COLORS[record.status]}
      variant={record.status === 'CANCELLED' ? 'outlined' : 'filled'}
      label={translate(`wishgrid.activities.status.${record.status}`)}
      sx={{ width: 'fit-content' }}
    />
  );
};
