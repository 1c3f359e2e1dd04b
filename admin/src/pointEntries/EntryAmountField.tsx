import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { type PointEntryRecord, signedAmount } from './point-entry.ts';

/** +5 in green, −3 in red: what the entry does to the balance. */
export const EntryAmountField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<PointEntryRecord>();
  if (!record) return null;
  const value = signedAmount(record);
  return (
    <Typography
      variant="body2"
      color={value < 0 ? 'error' : 'success'}
      data-testid="entry-amount"
      sx={{ fontWeight: 600 }}
    >
      {value > 0 ? `+${value}` : `−${Math.abs(value)}`}
    </Typography>
  );
};
