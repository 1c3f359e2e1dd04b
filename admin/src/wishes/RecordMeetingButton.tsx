import { useState } from 'react';
import { required, TextInput } from 'react-admin';
import { DialogAction } from '../common/DialogAction.tsx';
import { graphql } from '../gql/gql.ts';

const RECORD_MEETING = graphql(`
  mutation RecordMeeting($input: RecordMeetingInput!) { recordMeeting(input: $input) { wish { id } } }
`);

/** `YYYY-MM-DDTHH:mm` of now in the browser's zone, what a datetime-local input shows. */
const nowLocal = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * Records an on-site coordination meeting (the handling secretary or an assignee may; the server decides
 * and its refusal is shown as it says it).
 */
export const RecordMeetingButton = () => {
  const [heldAt] = useState(nowLocal);
  return (
    <DialogAction
      label="wishgrid.wishes.recordMeeting"
      testId="record-meeting"
      defaultValues={{ heldAt }}
      mutation={RECORD_MEETING}
      variables={(values, wish: { id: string }) => ({
        input: {
          wishId: wish.id,
          heldAt: new Date(values.heldAt).toISOString(),
          ...(values.place?.trim() ? { place: values.place.trim() } : {}),
          participants: values.participants,
          decisions: values.decisions,
        },
      })}
      success="wishgrid.wishes.meetingRecorded"
      successType="success"
      submitLabel="ra.action.save"
    >
      <TextInput
        source="heldAt"
        type="datetime-local"
        label="wishgrid.wishes.heldAt"
        validate={required()}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextInput source="place" label="wishgrid.wishes.place" />
      <TextInput source="participants" label="wishgrid.wishes.participants" validate={required()} multiline />
      <TextInput source="decisions" label="wishgrid.wishes.decisions" validate={required()} multiline minRows={3} />
    </DialogAction>
  );
};
