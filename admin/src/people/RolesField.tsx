import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useLocalName } from '../common/names.tsx';
import type { PersonRowFragment } from '../gql/graphql.ts';

/** One of a person's roles, at its unit. */
export type RoleAssignment = PersonRowFragment['roles'][number];

/** A person's roles as chips: "党员 · 文香苑". */
export const RolesField = (_props: { label?: string }) => {
  const record = useRecordContext<{ roles?: RoleAssignment[] }>();
  const translate = useTranslate();
  const name = useLocalName();
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {(record?.roles ?? []).map((r) => (
        <Chip
          key={`${r.role}-${r.orgUnit.id}`}
          size="small"
          label={translate('wishgrid.people.roleAt', {
            role: translate(`wishgrid.people.role.${r.role}`),
            unit: name(r.orgUnit),
          })}
        />
      ))}
    </Stack>
  );
};
