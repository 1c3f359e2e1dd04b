import { useState } from 'react';
import { Button, Confirm, useRecordContext, useTranslate } from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import { useLocalName } from '../common/names.tsx';
import { REVOKE_ROLE } from './queries.ts';
import type { RoleAssignment } from './RolesField.tsx';

/** Revokes one of the person's roles after a confirmation (the server refuses e.g. one's own staff role). */
export const RevokeRoleButton = ({ assignment }: { assignment: RoleAssignment }) => {
  const record = useRecordContext<{ id: string; displayName: string }>();
  const translate = useTranslate();
  const name = useLocalName();
  const [open, setOpen] = useState(false);
  const { run, pending } = useApiAction();
  if (!record) return null;
  const revoke = async () => {
    await run(
      REVOKE_ROLE,
      { input: { personId: record.id, role: assignment.role, orgUnitId: assignment.orgUnit.id } },
      { success: 'wishgrid.people.revoke.done' },
    );
    setOpen(false);
  };
  return (
    <>
      <Button label="wishgrid.people.action.revoke" color="error" onClick={() => setOpen(true)} />
      <Confirm
        isOpen={open}
        loading={pending}
        title="wishgrid.people.revoke.title"
        content="wishgrid.people.revoke.content"
        translateOptions={{
          name: record.displayName,
          role: translate(`wishgrid.people.role.${assignment.role}`),
          unit: name(assignment.orgUnit),
        }}
        onConfirm={revoke}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
