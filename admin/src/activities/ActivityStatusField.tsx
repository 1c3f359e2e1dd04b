import { EnumChip } from '../common/EnumChip.tsx';
import { ACTIVITY_STATUS_COLORS } from './activity-statuses.ts';

export const ActivityStatusField = (_props: { source?: string; label?: string }) => (
  <EnumChip
    colors={ACTIVITY_STATUS_COLORS}
    labels="wishgrid.activities.status"
    testId="activity-status"
    outlined={['CANCELLED']}
    sx={{ width: 'fit-content' }}
  />
);
