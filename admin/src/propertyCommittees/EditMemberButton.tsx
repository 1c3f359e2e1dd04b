import { BooleanInput, DateInput, required, SelectInput } from 'react-admin';
import { DialogAction } from '../common/DialogAction.tsx';
import type { CommitteeDetailFragment } from '../gql/graphql.ts';
import { memberRoleChoices } from './committee-enums.ts';
import { UPDATE_MEMBER } from './queries.ts';

export type CommitteeMember = CommitteeDetailFragment['members'][number];

const FIELDS = ['role', 'isPartyMember', 'joinedOn'] as const;

/** Changes a member's role (CHAIR hands the chair over), party membership or joining date. */
export const EditMemberButton = ({ member }: { member: CommitteeMember }) => (
  <DialogAction
    label="wishgrid.propertyCommittees.action.editMember"
    title="wishgrid.propertyCommittees.editMember.title"
    messageArgs={{ name: member.person.displayName }}
    defaultValues={{ id: member.id, role: member.role, isPartyMember: member.isPartyMember, joinedOn: member.joinedOn }}
    mutation={UPDATE_MEMBER}
    variables={(values) => {
      const changes = FIELDS.filter((key) => values[key] !== member[key]);
      // Nothing changed: nothing to send.
      if (changes.length === 0) return null;
      return { input: { memberId: member.id, ...Object.fromEntries(changes.map((key) => [key, values[key]])) } };
    }}
    success="wishgrid.propertyCommittees.editMember.done"
    submitLabel="ra.action.save"
    maxWidth="xs"
  >
    <SelectInput
      source="role"
      label="wishgrid.propertyCommittees.member.role"
      choices={memberRoleChoices}
      validate={required()}
    />
    <BooleanInput source="isPartyMember" label="wishgrid.propertyCommittees.member.isPartyMember" />
    <DateInput source="joinedOn" label="wishgrid.propertyCommittees.member.joinedOn" validate={required()} />
  </DialogAction>
);
