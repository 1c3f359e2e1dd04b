import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { DateField, Link, useCreatePath, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useStaffRoles } from '../common/staff-roles.ts';
import { type CommitteeMember, EditMemberButton } from './EditMemberButton.tsx';
import { RemoveMemberButton } from './RemoveMemberButton.tsx';

/** The members, chair first (the server's order): person, role, party member, joined; change or remove. */
export const CommitteeMembers = (_props: { label?: string }) => {
  const record = useRecordContext<{ status: string; members?: CommitteeMember[] }>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  const { isManager } = useStaffRoles();
  const members = record?.members ?? [];
  if (members.length === 0) {
    return <Typography variant="body2">{translate('wishgrid.propertyCommittees.member.none')}</Typography>;
  }
  const editable = isManager && record?.status === 'ACTIVE';
  return (
    <Table size="small" data-testid="committee-members">
      <TableHead>
        <TableRow>
          <TableCell>{translate('wishgrid.propertyCommittees.member.person')}</TableCell>
          <TableCell>{translate('wishgrid.propertyCommittees.member.role')}</TableCell>
          <TableCell>{translate('wishgrid.propertyCommittees.member.isPartyMember')}</TableCell>
          <TableCell>{translate('wishgrid.propertyCommittees.member.joinedOn')}</TableCell>
          <TableCell>{translate('wishgrid.propertyCommittees.member.phone')}</TableCell>
          {editable ? <TableCell /> : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {members.map((member) => (
          <TableRow key={member.id}>
            <TableCell>
              <Link to={createPath({ resource: 'people', id: member.person.id, type: 'show' })}>
                {member.person.displayName}
              </Link>
            </TableCell>
            <TableCell>{translate(`wishgrid.propertyCommittees.memberRole.${member.role}`)}</TableCell>
            <TableCell>{translate(member.isPartyMember ? 'ra.boolean.true' : 'ra.boolean.false')}</TableCell>
            <TableCell>
              <DateField record={member} source="joinedOn" locales={locale} />
            </TableCell>
            <TableCell>{member.person.phone ?? '—'}</TableCell>
            {editable ? (
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                <EditMemberButton member={member} />
                <RemoveMemberButton member={member} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
