import PersonAddIcon from '@mui/icons-material/PersonAdd';
import {
  AutocompleteInput,
  DateInput,
  NullableBooleanInput,
  ReferenceInput,
  required,
  SelectInput,
  useRecordContext,
} from 'react-admin';
import { DialogAction } from '../common/DialogAction.tsx';
import type { CommitteeDetailFragment, CommitteeRowFragment } from '../gql/graphql.ts';
import { memberRoleChoices } from './committee-enums.ts';
import { ADD_MEMBER } from './queries.ts';

type Committee = CommitteeRowFragment & Partial<CommitteeDetailFragment>;
type PersonOption = { displayName: string; username?: string | null };

/** Adds a resident or party member of the compound (picked among the people of the compound). */
export const AddMemberButton = () => {
  const record = useRecordContext<Committee>();
  const first = (record?.members?.length ?? 0) === 0;
  return (
    <DialogAction
      when={(committee: Committee) => committee.status === 'ACTIVE'}
      label="wishgrid.propertyCommittees.action.addMember"
      icon={<PersonAddIcon />}
      title="wishgrid.propertyCommittees.addMember.title"
      messageArgs={(committee) => ({ name: committee.name })}
      defaultValues={{ role: first ? 'CHAIR' : 'MEMBER' }}
      mutation={ADD_MEMBER}
      variables={(values, committee) => ({
        input: {
          committeeId: committee.id,
          personId: values.personId,
          role: values.role,
          ...(values.isPartyMember === true || values.isPartyMember === false
            ? { isPartyMember: values.isPartyMember }
            : {}),
          ...(values.joinedOn ? { joinedOn: values.joinedOn } : {}),
        },
      })}
      success="wishgrid.propertyCommittees.addMember.done"
      submitLabel="ra.action.add"
    >
      <ReferenceInput
        source="personId"
        reference="people"
        filter={{ orgUnitId: record?.compound.id, active: true }}
        perPage={50}
      >
        <AutocompleteInput
          label="wishgrid.propertyCommittees.member.person"
          filterToQuery={(q: string) => ({ q })}
          optionText={(p: PersonOption) => (p.username ? `${p.displayName} (${p.username})` : p.displayName)}
          validate={required()}
        />
      </ReferenceInput>
      <SelectInput
        source="role"
        label="wishgrid.propertyCommittees.member.role"
        choices={memberRoleChoices}
        validate={required()}
        helperText={first ? 'wishgrid.propertyCommittees.member.firstIsChair' : false}
      />
      <NullableBooleanInput
        source="isPartyMember"
        label="wishgrid.propertyCommittees.member.isPartyMember"
        helperText="wishgrid.propertyCommittees.member.partyHint"
      />
      <DateInput
        source="joinedOn"
        label="wishgrid.propertyCommittees.member.joinedOn"
        helperText="wishgrid.propertyCommittees.member.joinedOnHint"
      />
    </DialogAction>
  );
};
