import { Box, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

interface TimelineEvent {
  sequence: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  at: string;
  note: string | null;
  actor: { id: string; displayName: string } | null;
}

/** Every transition of the wish, oldest first: who did what, when, and what they noted. */
export const WishTimeline = (_props: { label?: string }) => {
  const record = useRecordContext<{ events?: TimelineEvent[] }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const events = record?.events ?? [];
  return (
    <Stack spacing={1.5} data-testid="wish-timeline">
      {events.map((e) => (
        <Box key={e.sequence} sx={{ borderLeft: 3, borderColor: 'primary.main', pl: 1.5 }} data-testid="timeline-event">
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {translate(`wishgrid.action.${e.action}`)}
            {' · '}
            {e.fromStatus ? `${translate(`wishgrid.status.${e.fromStatus}`)} → ` : ''}
            {translate(`wishgrid.status.${e.toStatus}`)}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {new Date(e.at).toLocaleString(locale)}
            {e.actor ? ` · ${e.actor.displayName}` : ''}
          </Typography>
          {e.note ? <Typography variant="body2">{e.note}</Typography> : null}
        </Box>
      ))}
    </Stack>
  );
};
