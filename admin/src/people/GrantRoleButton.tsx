import AddModeratorIcon from '@mui/icons-material/AddModerator';
import { DialogAction } from '../common/DialogAction.tsx';
import type { PersonRowFragment } from '../gql/graphql.ts';
import { GRANT_ROLE } from './queries.ts';
import { RoleInput, RoleUnitInput } from './RoleInputs.tsx';

/** Grants the person a role at a unit picked by name. */
export const GrantRoleButton = () => (
  <DialogAction
    label="wishgrid.people.action.grant"
    icon={<AddModeratorIcon />}
    title="wishgrid.people.grant.title"
    messageArgs={(person: PersonRowFragment) => ({ name: person.displayName })}
    mutation={GRANT_ROLE}
    variables={({ role, orgUnitId }, person) => ({ input: { personId: person.id, role, orgUnitId } })}
    success="wishgrid.people.grant.done"
  >
    <RoleInput />
    <RoleUnitInput />
  </DialogAction>
);
