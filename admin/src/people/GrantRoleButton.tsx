import AddModeratorIcon from '@mui/icons-material/AddModerator';
import { Dialog, DialogActions, DialogContent, DialogTitle, Button as MuiButton } from '@mui/material';
import { useState } from 'react';
import { Button, Form, FormDataConsumer, required, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import { useStaffRoles } from '../common/staff-roles.ts';
import { OrgUnitInput } from '../orgUnits/OrgUnitInput.tsx';
import { GRANT_ROLE } from './queries.ts';
import { roleChoices, SECRETARY_GRANTS, unitFilterFor } from './roles.ts';

/** Grants the person a role at a unit picked by name. */
export const GrantRoleButton = () => {
  const record = useRecordContext<{ id: string; displayName: string }>();
  const translate = useTranslate();
  const { isStreetAdmin } = useStaffRoles();
  const [open, setOpen] = useState(false);
  const { run, pending } = useApiAction();
  if (!record) return null;
  const submit = async (values: Record<string, unknown>) => {
    const ok = await run(
      GRANT_ROLE,
      { input: { personId: record.id, role: values.role, orgUnitId: values.orgUnitId } },
      { success: 'wishgrid.people.grant.done' },
    );
    if (ok) setOpen(false);
  };
  return (
    <>
      <Button label="wishgrid.people.action.grant" onClick={() => setOpen(true)}>
        <AddModeratorIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <Form record={{}} onSubmit={submit}>
          <DialogTitle>{translate('wishgrid.people.grant.title', { name: record.displayName })}</DialogTitle>
          <DialogContent>
            <SelectInput
              source="role"
              label="resources.people.fields.role"
              choices={roleChoices(isStreetAdmin ? undefined : SECRETARY_GRANTS)}
              validate={required()}
            />
            <FormDataConsumer>
              {({ formData }) => (
                <OrgUnitInput
                  source="orgUnitId"
                  label="wishgrid.people.unit"
                  filter={unitFilterFor(formData.role)}
                  validate={required()}
                />
              )}
            </FormDataConsumer>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={pending}>
              {translate('ra.action.confirm')}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
