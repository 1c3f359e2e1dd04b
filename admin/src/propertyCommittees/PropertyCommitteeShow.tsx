import {
  DateField,
  EditButton,
  Labeled,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useLocaleState,
  useRecordContext,
} from 'react-admin';
import type { Named } from '../common/names.tsx';
import { useStaffRoles } from '../common/staff-roles.ts';
import { UnitLink } from '../orgUnits/UnitLink.tsx';
import { AddMemberButton } from './AddMemberButton.tsx';
import { CommitteeMembers } from './CommitteeMembers.tsx';
import { committeeStatusChoices, serviceModeChoices } from './committee-enums.ts';
import { DissolveCommitteeButton } from './DissolveCommitteeButton.tsx';

type Committee = {
  status: string;
  serviceMode: string;
  dissolvedOn?: string | null;
  compound: { parent?: (Named & { id: string }) | null };
};

const PropertyCommitteeShowActions = () => {
  const record = useRecordContext<Committee>();
  const { isManager } = useStaffRoles();
  if (!isManager || record?.status !== 'ACTIVE') return <TopToolbar />;
  return (
    <TopToolbar>
      <AddMemberButton />
      <DissolveCommitteeButton />
      <EditButton />
    </TopToolbar>
  );
};

const CommitteeDetails = () => {
  const record = useRecordContext<Committee>();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <SimpleShowLayout>
      <TextField source="name" />
      <Labeled label="resources.propertyCommittees.fields.compound">
        <UnitLink source="compound" />
      </Labeled>
      <Labeled label="resources.propertyCommittees.fields.communityId">
        <UnitLink unit={record.compound.parent} />
      </Labeled>
      <SelectField source="status" choices={committeeStatusChoices} />
      <SelectField source="serviceMode" choices={serviceModeChoices} />
      {record.serviceMode === 'PROFESSIONAL_COMPANY' ? <TextField source="companyName" /> : null}
      <TextField source="partyOrganization" emptyText="—" />
      <TextField source="chair.displayName" label="resources.propertyCommittees.fields.chair" emptyText="—" />
      <DateField source="foundedOn" locales={locale} />
      {record.dissolvedOn ? <DateField source="dissolvedOn" locales={locale} /> : null}
      <TextField source="notes" emptyText="—" />
      <Labeled label="resources.propertyCommittees.fields.members" fullWidth>
        <CommitteeMembers />
      </Labeled>
    </SimpleShowLayout>
  );
};

export const PropertyCommitteeShow = () => (
  <Show actions={<PropertyCommitteeShowActions />}>
    <CommitteeDetails />
  </Show>
);
