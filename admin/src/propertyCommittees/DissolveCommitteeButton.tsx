import LinkOffIcon from '@mui/icons-material/LinkOff';
import { DateInput, TextInput } from 'react-admin';
import { DialogAction } from '../common/DialogAction.tsx';
import type { CommitteeRowFragment } from '../gql/graphql.ts';
import { DISSOLVE_COMMITTEE } from './queries.ts';

/** Dissolves an active committee (date and reason); it stays, DISSOLVED, for history. */
export const DissolveCommitteeButton = () => (
  <DialogAction
    when={(committee: CommitteeRowFragment) => committee.status === 'ACTIVE'}
    label="wishgrid.propertyCommittees.action.dissolve"
    icon={<LinkOffIcon />}
    color="warning"
    title="wishgrid.propertyCommittees.dissolve.title"
    content="wishgrid.propertyCommittees.dissolve.content"
    messageArgs={(committee) => ({ name: committee.name })}
    mutation={DISSOLVE_COMMITTEE}
    variables={(values, committee) => ({
      input: {
        committeeId: committee.id,
        expectedVersion: committee.version,
        ...(values.dissolvedOn ? { dissolvedOn: values.dissolvedOn } : {}),
        ...(values.reason ? { reason: values.reason } : {}),
      },
    })}
    success="wishgrid.propertyCommittees.dissolve.done"
    submitLabel="wishgrid.propertyCommittees.action.dissolve"
    submitColor="warning"
  >
    <DateInput source="dissolvedOn" label="wishgrid.propertyCommittees.dissolve.dissolvedOn" />
    <TextInput source="reason" label="wishgrid.propertyCommittees.dissolve.reason" multiline fullWidth />
  </DialogAction>
);
