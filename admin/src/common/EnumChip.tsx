import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/**
 * The record's state as a coloured chip labelled by the i18n key `<labels>.<value>`, with the value in
 * `data-status` (the browser tests read it) — e.g. a wish's or an activity's status.
 */
export function EnumChip<T extends string>({
  source = 'status',
  colors,
  labels,
  testId,
  outlined = [],
  sx,
}: {
  source?: string;
  colors: Readonly<Record<T, ChipProps['color']>>;
  labels: string;
  testId: string;
  /** Values drawn outlined (e.g. what was called off) */
  outlined?: readonly T[];
  sx?: ChipProps['sx'];
}) {
  const record = useRecordContext<Record<string, unknown>>();
  const translate = useTranslate();
  const value = record?.[source] as T | undefined;
  if (value === undefined) return null;
  return (
    <Chip
      size="small"
      data-testid={testId}
      data-status={value}
      color={colors[value]}
      variant={outlined.includes(value) ? 'outlined' : 'filled'}
      label={translate(`${labels}.${value}`)}
      sx={sx}
    />
  );
}
