import { Chip } from '@mui/material';
import type { ReactNode } from 'react';
import { RecordContextProvider, useRecordContext, useTranslate } from 'react-admin';
import { useLiveStatus } from '../live/hooks.ts';
import type { ActivityRecord } from './activity-statuses.ts';
import { useLiveActivity } from './live-activity.ts';

/**
 * The activity as read, with its counts, sign-ups and check-ins replaced by the live ones as they arrive:
 * the page follows sign-ups and check-ins made elsewhere without a reload.
 */
export const LiveActivityRecord = ({ children }: { children: ReactNode }) => {
  const record = useRecordContext<ActivityRecord>();
  const translate = useTranslate();
  const live = useLiveActivity(record?.id);
  const status = useLiveStatus();
  if (!record) return null;
  const merged: ActivityRecord = live && live.id === record.id ? { ...record, ...live } : record;
  return (
    <RecordContextProvider value={merged}>
      <Chip
        size="small"
        data-testid="activity-live-status"
        data-status={status === 'offline' ? 'connecting' : status}
        color={status === 'connected' ? 'success' : status === 'reconnecting' ? 'warning' : 'default'}
        label={translate(
          status === 'connected'
            ? 'wishgrid.live.connected'
            : status === 'reconnecting'
              ? 'wishgrid.live.reconnecting'
              : 'wishgrid.live.connecting',
        )}
        sx={{ m: 2, mb: 0 }}
      />
      {children}
    </RecordContextProvider>
  );
};
