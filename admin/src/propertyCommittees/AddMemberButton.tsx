import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Dialog, DialogActions, DialogContent, DialogTitle, Button as MuiButton } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  Button,
  DateInput,
  Form,
  NullableBooleanInput,
  ReferenceInput,
  required,
  SelectInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import { memberRoleChoices } from './committee-enums.ts';
import { ADD_MEMBER } from './queries.ts';

type Committee = { id: string; name: string; status: string; compound: { id: string }; members?: unknown[] };
type PersonOption = { displayName: string; username?: string | null };

/** Adds a resident or party member of the compound (picked among the people of the compound). */
export const AddMemberButton = () => {
  const record = useRecordContext<Committee>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, pending } = useApiAction();
  if (record?.status !== 'ACTIVE') return null;
  const first = (record.members?.length ?? 0) === 0;
  const submit = async (values: Record<string, unknown>) => {
    const input: Record<string, unknown> = { committeeId: record.id, personId: values.personId, role: values.role };
    if (values.isPartyMember === true || values.isPartyMember === false) input.isPartyMember = values.isPartyMember;
    if (values.joinedOn) input.joinedOn = values.joinedOn;
    const ok = await run(ADD_MEMBER, { input }, { success: 'wishgrid.propertyCommittees.addMember.done' });
    if (ok) setOpen(false);
  };
  return (
    <>
      <Button label="wishgrid.propertyCommittees.action.addMember" onClick={() => setOpen(true)}>
        <PersonAddIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <Form record={{ role: first ? 'CHAIR' : 'MEMBER' }} onSubmit={submit}>
          <DialogTitle>{translate('wishgrid.propertyCommittees.addMember.title', { name: record.name })}</DialogTitle>
          <DialogContent>
            <ReferenceInput
              source="personId"
              reference="people"
              filter={{ orgUnitId: record.compound.id, active: true }}
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
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={pending}>
              {translate('ra.action.add')}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
