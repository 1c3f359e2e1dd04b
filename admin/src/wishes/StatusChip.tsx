import { EnumChip } from '../common/EnumChip.tsx';
import { STATUS_CHIP_COLORS } from './wish-statuses.ts';

export const StatusChip = (_props: { source?: string; label?: string }) => (
  <EnumChip colors={STATUS_CHIP_COLORS} labels="wishgrid.status" testId="wish-status" />
);
