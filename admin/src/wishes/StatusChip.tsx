import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { WishStatus } from './wish-statuses.ts';

const COLORS: Record<WishStatus, 'default' | 'primary' | 'secondary' | 'info' | 'success' | 'warning' | 'error'> = {
  SUBMITTED: 'warning',
  OPEN_FOR_CLAIM: 'secondary',
  DISPATCHED: 'info',
  ACCEPTED: 'primary',
  RESOLVED: 'success',
  CLOSED: 'default',
  REJECTED: 'error',
  CANCELLED: 'default',
};

export const StatusChip = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<{ status: WishStatus }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      data-testid="wish-status"
      data-status={record.status}
      color={COLORS[record.status]}
      label={translate(`wishgrid.status.${record.status}`)}
    />
  );
};
