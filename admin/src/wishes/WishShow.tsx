import { Box, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import {
  ArrayField,
  ChipField,
  DateField,
  FunctionField,
  Labeled,
  NumberField,
  Show,
  SingleFieldList,
  TextField,
  useGetIdentity,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { NameField } from '../common/names.tsx';
import { useLiveRefresh } from '../live/hooks.ts';
import { LiveIndicator } from '../live/LiveIndicator.tsx';
import { RecordMeetingButton } from './RecordMeetingButton.tsx';
import { StatusChip } from './StatusChip.tsx';
import { WishActions } from './WishActions.tsx';
import { WishPhotos } from './WishPhotos.tsx';
import { WishTimeline } from './WishTimeline.tsx';

interface MeetingRow {
  id: string;
  heldAt: string;
  place: string | null;
  participants: string;
  decisions: string;
}

const Meetings = () => {
  const record = useRecordContext<{ meetings?: MeetingRow[] }>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const meetings = record?.meetings ?? [];
  if (meetings.length === 0)
    return <Typography color="text.secondary">{translate('wishgrid.wishes.noMeetings')}</Typography>;
  return (
    <Stack spacing={1}>
      {meetings.map((m) => (
        <Box key={m.id}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {new Date(m.heldAt).toLocaleString(locale)}
            {m.place ? ` · ${m.place}` : ''}
          </Typography>
          <Typography variant="body2">{m.participants}</Typography>
          <Typography variant="body2" color="text.secondary">
            {m.decisions}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
};

const STAFF = ['BRANCH_SECRETARY', 'STREET_ADMIN', 'GRID_WORKER'];

const WishDetail = () => {
  const record = useRecordContext<{ id: string; assignees?: { id: string }[] }>();
  const { identity } = useGetIdentity();
  const roles = ((identity as { roles?: { role: string }[] } | undefined)?.roles ?? []).map((r) => r.role);
  // Who may record is the server's call; the button is offered to staff and to the wish's assignees.
  const canRecordMeeting =
    roles.some((r) => STAFF.includes(r)) || (record?.assignees ?? []).some((a) => a.id === identity?.id);
  const [locale] = useLocaleState();
  const translate = useTranslate();
  useLiveRefresh((event) => event.wish.id === record?.id);
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12 }}>
        <LiveIndicator />
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h5" data-testid="wish-title">
            <TextField source="title" variant="h5" />
          </Typography>
          <StatusChip />
        </Stack>
        <WishActions />
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <Card variant="outlined">
          <CardContent>
            <Stack spacing={1.5}>
              <Labeled>
                <TextField source="description" emptyText="—" />
              </Labeled>
              <Labeled>
                <TextField source="address" emptyText="—" data-testid="wish-address" />
              </Labeled>
              <Grid container spacing={2}>
                <Grid size={{ xs: 6 }}>
                  <Labeled source="category">
                    <NameField source="category" />
                  </Labeled>
                </Grid>
                <Grid size={{ xs: 6 }}>
                  <Labeled source="channel">
                    <FunctionField<{ channel: string }>
                      source="channel"
                      render={(r) => translate(`wishgrid.channel.${r.channel}`)}
                    />
                  </Labeled>
                </Grid>
                <Grid size={{ xs: 6 }}>
                  <Labeled source="compound">
                    <NameField source="compound" />
                  </Labeled>
                </Grid>
                <Grid size={{ xs: 6 }}>
                  <Labeled source="handlingUnit">
                    <NameField source="handlingUnit" />
                  </Labeled>
                </Grid>
                <Grid size={{ xs: 6 }}>
                  <Labeled>
                    <TextField source="resident.displayName" label="resources.wishes.fields.resident" emptyText="—" />
                  </Labeled>
                </Grid>
                <Grid size={{ xs: 6 }}>
                  <Labeled>
                    <TextField source="listedBy.displayName" label="resources.wishes.fields.listedBy" emptyText="—" />
                  </Labeled>
                </Grid>
                <Grid size={{ xs: 6 }}>
                  <Labeled>
                    <DateField source="createdAt" showTime locales={locale} />
                  </Labeled>
                </Grid>
                <Grid size={{ xs: 6 }}>
                  <Labeled>
                    <DateField source="dueAt" showTime locales={locale} emptyText="—" />
                  </Labeled>
                </Grid>
                <Grid size={{ xs: 6 }}>
                  <Labeled>
                    <NumberField source="rating" emptyText="—" />
                  </Labeled>
                </Grid>
                <Grid size={{ xs: 6 }}>
                  <Labeled>
                    <NumberField source="reopenCount" />
                  </Labeled>
                </Grid>
              </Grid>
              <Labeled source="assignees">
                <ArrayField source="assignees">
                  <SingleFieldList linkType={false} empty={<span>—</span>}>
                    <ChipField source="displayName" size="small" />
                  </SingleFieldList>
                </ArrayField>
              </Labeled>
              <Labeled>
                <TextField source="ratingComment" emptyText="—" />
              </Labeled>
            </Stack>
          </CardContent>
        </Card>
        <Card variant="outlined" sx={{ mt: 2 }}>
          <CardContent>
            <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
              <Typography variant="h6" gutterBottom>
                {translate('resources.wishes.fields.meetings')}
              </Typography>
              {canRecordMeeting ? <RecordMeetingButton /> : null}
            </Stack>
            <Meetings />
          </CardContent>
        </Card>
        <Card variant="outlined" sx={{ mt: 2 }}>
          <CardContent>
            <Typography variant="h6" gutterBottom>
              {translate('resources.wishes.fields.photos')}
            </Typography>
            <WishPhotos />
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" gutterBottom>
              {translate('resources.wishes.fields.events')}
            </Typography>
            <WishTimeline />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
};

export const WishShow = () => (
  <Show actions={false}>
    <WishDetail />
  </Show>
);
