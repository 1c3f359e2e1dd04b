import { useState } from 'react';
import { Button, Confirm } from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import type { CommitteeMember } from './EditMemberButton.tsx';
import { REMOVE_MEMBER } from './queries.ts';

/** Removes a member after a confirmation (the server refuses the chair while others remain). */
export const RemoveMemberButton = ({ member }: { member: CommitteeMember }) => {
  const [open, setOpen] = useState(false);
  const { run, pending } = useApiAction();
  return (
    <>
      <Button label="wishgrid.propertyCommittees.action.removeMember" color="error" onClick={() => setOpen(true)} />
      <Confirm
        isOpen={open}
        loading={pending}
        title="wishgrid.propertyCommittees.removeMember.title"
        content="wishgrid.propertyCommittees.removeMember.content"
        translateOptions={{ name: member.person.displayName }}
        onConfirm={async () => {
          await run(
            REMOVE_MEMBER,
            { input: { memberId: member.id } },
            { success: 'wishgrid.propertyCommittees.removeMember.done' },
          );
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
