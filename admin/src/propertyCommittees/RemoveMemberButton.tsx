import { DialogAction } from '../common/DialogAction.tsx';
import type { CommitteeMember } from './EditMemberButton.tsx';
import { REMOVE_MEMBER } from './queries.ts';

/** Removes a member after a confirmation (the server refuses the chair while others remain). */
export const RemoveMemberButton = ({ member }: { member: CommitteeMember }) => (
  <DialogAction
    label="wishgrid.propertyCommittees.action.removeMember"
    color="error"
    title="wishgrid.propertyCommittees.removeMember.title"
    content="wishgrid.propertyCommittees.removeMember.content"
    messageArgs={{ name: member.person.displayName }}
    mutation={REMOVE_MEMBER}
    variables={() => ({ input: { memberId: member.id } })}
    success="wishgrid.propertyCommittees.removeMember.done"
  />
);
