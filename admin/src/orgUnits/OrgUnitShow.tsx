import AddIcon from '@mui/icons-material/Add';
import GroupsIcon from '@mui/icons-material/Groups';
import { Typography } from '@mui/material';
import type { ReactElement } from 'react';
import {
  CreateButton,
  DataTable,
  DateField,
  DeleteButton,
  EditButton,
  Labeled,
  Link,
  NumberField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCreatePath,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { NameField } from '../common/names.tsx';
import { DateCol, SelectCol } from '../common/ResourceList.tsx';
import { useStaffRoles } from '../common/staff-roles.ts';
import type { OrgUnitDetailFragment } from '../gql/graphql.ts';
import { LocalNameTitle } from './LocalNameTitle.tsx';
import { MoveOrgUnitButton } from './MoveOrgUnitButton.tsx';
import {
  hasChildKinds,
  isSecretaryKind,
  orgUnitKindChoices,
  propertyStatusChoices,
  type UnitRecord,
} from './org-unit-enums.ts';
import { RetireOrgUnitButton } from './RetireOrgUnitButton.tsx';
import { UnitLink } from './UnitLink.tsx';

type UnitDetails = UnitRecord & Partial<OrgUnitDetailFragment>;

/** "Add below" on a unit's page: a create form with this unit filled in. */
const CreateBelow = ({
  resource,
  field,
  label,
  icon,
}: {
  resource: string;
  field: string;
  label: string;
  icon: ReactElement;
}) => {
  const record = useRecordContext<UnitDetails>();
  return <CreateButton resource={resource} state={{ record: { [field]: record?.id } }} label={label} icon={icon} />;
};

const OrgUnitShowActions = () => {
  const record = useRecordContext<UnitDetails>();
  const { isStreetAdmin, isSecretary, isManager } = useStaffRoles();
  if (!record) return <TopToolbar />;
  // Secretaries manage the compounds and grids of their subtree; the street admin everything.
  const manages = isStreetAdmin || (isSecretary && isSecretaryKind(record.kind));
  const adds = isManager && !record.retiredAt;
  return (
    <TopToolbar>
      {adds && hasChildKinds(record.kind) && (
        <CreateBelow
          resource="orgUnits"
          field="parentId"
          label="wishgrid.orgUnits.action.addChild"
          icon={<AddIcon />}
        />
      )}
      {adds && record.propertyStatus === 'NONE' && (
        <CreateBelow
          resource="propertyCommittees"
          field="compoundId"
          label="wishgrid.orgUnits.action.setUpCommittee"
          icon={<GroupsIcon />}
        />
      )}
      {manages && [
        <EditButton key="edit" />,
        <MoveOrgUnitButton key="move" />,
        <RetireOrgUnitButton key="retire" />,
        <DeleteButton key="delete" mutationMode="pessimistic" />,
      ]}
    </TopToolbar>
  );
};

/** The compound's active committee: its name (a link), chair and size. */
const CommitteeSummary = () => {
  const record = useRecordContext<UnitDetails>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const committee = record?.propertyCommittee;
  if (!committee) return <Typography variant="body2">—</Typography>;
  return (
    <Typography variant="body2" component="div">
      <Link to={createPath({ resource: 'propertyCommittees', id: committee.id, type: 'show' })}>{committee.name}</Link>
      {committee.chair
        ? ` · ${translate('wishgrid.orgUnits.committee.chair', { name: committee.chair.displayName })}`
        : ''}
      {` · ${translate('wishgrid.orgUnits.committee.members', { count: committee.memberCount })}`}
    </Typography>
  );
};

const OrgUnitDetails = () => {
  const record = useRecordContext<UnitDetails>();
  const [locale] = useLocaleState();
  if (!record) return null;
  const isCompound = record.kind === 'COMPOUND';
  return (
    <SimpleShowLayout>
      <SelectField source="kind" choices={orgUnitKindChoices} />
      <TextField source="nameZh" />
      <TextField source="name" />
      {record.kind === 'STREET' ? null : <UnitLink source="parent" label="resources.orgUnits.fields.parent" />}
      <NumberField source="population" emptyText="—" />
      <NumberField source="households" emptyText="—" />
      {isCompound ? <SelectField source="propertyStatus" choices={propertyStatusChoices} /> : null}
      {isCompound ? (
        <Labeled label="resources.orgUnits.fields.propertyCommittee">
          <CommitteeSummary />
        </Labeled>
      ) : null}
      <TextField source="partyOrganization" emptyText="—" />
      <TextField source="description" emptyText="—" />
      {record.retiredAt ? <DateField source="retiredAt" showTime locales={locale} /> : null}
      <DateField source="updatedAt" showTime locales={locale} emptyText="—" />
      <Labeled label="resources.orgUnits.fields.children" fullWidth>
        <ChildUnits />
      </Labeled>
    </SimpleShowLayout>
  );
};

/** The units directly below, each linking to its own page. */
const ChildUnits = () => {
  const record = useRecordContext<UnitDetails>();
  const translate = useTranslate();
  if (!record?.children?.length) {
    return <Typography variant="body2">{translate('wishgrid.orgUnits.noChildren')}</Typography>;
  }
  return (
    <DataTable
      data={record.children}
      total={record.children.length}
      bulkActionButtons={false}
      rowClick="show"
      sort={{ field: 'id', order: 'ASC' }}
    >
      <DataTable.Col source="nameZh" label="resources.orgUnits.fields.localName" disableSort>
        <NameField source="" />
      </DataTable.Col>
      <SelectCol source="kind" choices={orgUnitKindChoices} disableSort />
      <DataTable.NumberCol source="population" disableSort />
      <DataTable.NumberCol source="households" disableSort />
      <SelectCol source="propertyStatus" choices={propertyStatusChoices} emptyText="" disableSort />
      <DateCol source="retiredAt" emptyText="" disableSort />
    </DataTable>
  );
};

export const OrgUnitShow = () => (
  <Show actions={<OrgUnitShowActions />} title={<LocalNameTitle resource="orgUnits" />}>
    <OrgUnitDetails />
  </Show>
);
