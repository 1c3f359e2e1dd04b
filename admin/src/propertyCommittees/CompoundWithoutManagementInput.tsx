import { AutocompleteInput, required, useGetList, useLocaleState } from 'react-admin';
import type { Named } from '../common/names.tsx';
import { useStaffRoles } from '../common/staff-roles.ts';
import { unitOptionText } from '../orgUnits/OrgUnitInput.tsx';

type Compound = Named & { id: string; propertyStatus: string | null; parent?: Named };

/** The most the API lists in one page: a street has far fewer compounds. */
const ALL = 200;

/**
 * The compounds a committee may be set up for: no property company and no active committee
 * (`propertyStatus` NONE). The list API filters by kind, not by property status, so that part is done here.
 */
export const CompoundWithoutManagementInput = ({ source }: { source: string }) => {
  const [locale] = useLocaleState();
  const { isStreetAdmin, secretaryUnitIds } = useStaffRoles();
  // A secretary of one unit is offered the compounds of their subtree (the server decides anyway).
  const under = !isStreetAdmin && secretaryUnitIds.length === 1 ? { underId: secretaryUnitIds[0] } : {};
  const { data, isPending } = useGetList<Compound>('orgUnits', {
    filter: { kind: 'COMPOUND', retired: false, ...under },
    sort: { field: 'id', order: 'ASC' },
    pagination: { page: 1, perPage: ALL },
  });
  const choices = (data ?? []).filter((unit) => unit.propertyStatus === 'NONE');
  return (
    <AutocompleteInput
      source={source}
      label="resources.propertyCommittees.fields.compoundId"
      choices={choices}
      isPending={isPending}
      optionText={(unit: Compound) => unitOptionText(unit, locale)}
      validate={required()}
      helperText={
        !isPending && choices.length === 0
          ? 'wishgrid.propertyCommittees.noCompound'
          : 'wishgrid.propertyCommittees.compoundHint'
      }
      sx={{ minWidth: 360 }}
    />
  );
};
