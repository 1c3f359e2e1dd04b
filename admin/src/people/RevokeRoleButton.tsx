import { useTranslate } from 'react-admin';
import { DialogAction } from '../common/DialogAction.tsx';
import { useLocalName } from '../common/names.tsx';
import type { PersonRowFragment } from '../gql/graphql.ts';
import { REVOKE_ROLE } from './queries.ts';
import type { RoleAssignment } from './RolesField.tsx';

/** Revokes one of the person's roles after a confirmation (the server refuses e.g. one's own staff role). */
export const RevokeRoleButton = ({ assignment: { role, orgUnit } }: { assignment: RoleAssignment }) => {
  const translate = useTranslate();
  const name = useLocalName();
  return (
    <DialogAction
      label="wishgrid.people.action.revoke"
      color="error"
      title="wishgrid.people.revoke.title"
      content="wishgrid.people.revoke.content"
      messageArgs={(person: PersonRowFragment) => ({
        name: person.displayName,
        role: translate(`wishgrid.people.role.${role}`),
        unit: name(orgUnit),
      })}
      mutation={REVOKE_ROLE}
      variables={(_values, person) => ({ input: { personId: person.id, role, orgUnitId: orgUnit.id } })}
      success="wishgrid.people.revoke.done"
    />
  );
};
