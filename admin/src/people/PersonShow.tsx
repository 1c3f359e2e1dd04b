import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  BooleanField,
  DateField,
  EditButton,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useLocalName } from '../common/names.tsx';
import { useStaffRoles } from '../common/staff-roles.ts';
import { UnitLink } from '../orgUnits/UnitLink.tsx';
import { GrantRoleButton } from './GrantRoleButton.tsx';
import { PersonActiveButton } from './PersonActiveButton.tsx';
import { RevokeRoleButton } from './RevokeRoleButton.tsx';
import type { RoleAssignment } from './RolesField.tsx';

const PersonShowActions = () => {
  const { isManager } = useStaffRoles();
  if (!isManager) return <TopToolbar />;
  return (
    <TopToolbar>
      <GrantRoleButton />
      <PersonActiveButton />
      <EditButton />
    </TopToolbar>
  );
};

/** Each role with its unit (by name, linking to the unit) and a revoke button. */
const RolesTable = () => {
  const record = useRecordContext<{ roles?: RoleAssignment[] }>();
  const translate = useTranslate();
  const name = useLocalName();
  const { isManager } = useStaffRoles();
  const roles = record?.roles ?? [];
  if (roles.length === 0) return <Typography variant="body2">{translate('wishgrid.people.noRoles')}</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.people.fields.role')}</TableCell>
          <TableCell>{translate('wishgrid.people.unit')}</TableCell>
          <TableCell>{translate('resources.orgUnits.fields.parent')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {roles.map((assignment) => (
          <TableRow key={`${assignment.role}-${assignment.orgUnit.id}`}>
            <TableCell>{translate(`wishgrid.people.role.${assignment.role}`)}</TableCell>
            <TableCell>
              <UnitLink unit={assignment.orgUnit} />
            </TableCell>
            <TableCell>{name(assignment.orgUnit.parent)}</TableCell>
            <TableCell align="right">{isManager ? <RevokeRoleButton assignment={assignment} /> : null}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const PersonShow = () => {
  const [locale] = useLocaleState();
  return (
    <Show actions={<PersonShowActions />}>
      <SimpleShowLayout>
        <TextField source="displayName" />
        <TextField source="username" emptyText="—" />
        <TextField source="phone" emptyText="—" />
        <BooleanField source="active" />
        <DateField source="createdAt" showTime locales={locale} emptyText="—" />
        <Labeled label="resources.people.fields.roles" fullWidth>
          <RolesTable />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
};
