import { Dialog, DialogActions, DialogContent, DialogTitle, Button as MuiButton } from '@mui/material';
import { useState } from 'react';
import { BooleanInput, Button, DateInput, Form, required, SelectInput, useTranslate } from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import { memberRoleChoices } from './committee-enums.ts';
import { UPDATE_MEMBER } from './queries.ts';

export type CommitteeMember = {
  id: string;
  role: string;
  isPartyMember: boolean;
  joinedOn: string;
  person: { id: string; displayName: string; username?: string | null; phone?: string | null };
};

const FIELDS = ['role', 'isPartyMember', 'joinedOn'] as const;

/** Changes a member's role (CHAIR hands the chair over), party membership or joining date. */
export const EditMemberButton = ({ member }: { member: CommitteeMember }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, pending } = useApiAction();
  const submit = async (values: Record<string, unknown>) => {
    const input: Record<string, unknown> = { memberId: member.id };
    for (const key of FIELDS) if (values[key] !== member[key]) input[key] = values[key];
    if (Object.keys(input).length === 1) {
      setOpen(false);
      return;
    }
    const ok = await run(UPDATE_MEMBER, { input }, { success: 'wishgrid.propertyCommittees.editMember.done' });
    if (ok) setOpen(false);
  };
  return (
    <>
      <Button label="wishgrid.propertyCommittees.action.editMember" onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <Form
          record={{ id: member.id, role: member.role, isPartyMember: member.isPartyMember, joinedOn: member.joinedOn }}
          onSubmit={submit}
        >
          <DialogTitle>
            {translate('wishgrid.propertyCommittees.editMember.title', { name: member.person.displayName })}
          </DialogTitle>
          <DialogContent>
            <SelectInput
              source="role"
              label="wishgrid.propertyCommittees.member.role"
              choices={memberRoleChoices}
              validate={required()}
            />
            <BooleanInput source="isPartyMember" label="wishgrid.propertyCommittees.member.isPartyMember" />
            <DateInput source="joinedOn" label="wishgrid.propertyCommittees.member.joinedOn" validate={required()} />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={pending}>
              {translate('ra.action.save')}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
