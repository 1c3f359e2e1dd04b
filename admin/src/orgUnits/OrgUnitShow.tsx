import AddIcon from '@mui/icons-material/Add';
import GroupsIcon from '@mui/icons-material/Groups';
import { Typography } from '@mui/material';
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
import { useStaffRoles } from '../common/staff-roles.ts';
import { LocalNameTitle } from './LocalNameTitle.tsx';
import { MoveOrgUnitButton } from './MoveOrgUnitButton.tsx';
import { orgUnitKindChoices, propertyStatusChoices } from './org-unit-enums.ts';
import { RetireOrgUnitButton } from './RetireOrgUnitButton.tsx';
import { UnitLink } from './UnitLink.tsx';

interface UnitRecord {
  id: string;
  kind: string;
  retiredAt?: string | null;
  propertyStatus?: string | null;
  propertyCommittee?: {
    id: string;
    name: string;
    memberCount: number;
    chair?: { displayName: string } | null;
  } | null;
}

/** Kinds whose units staff may add below (the server checks the pairing and the viewer's scope). */
const HAS_CHILD_KINDS = ['STREET', 'COMMUNITY', 'COMPOUND'];

const OrgUnitShowActions = () => {
  const record = useRecordContext<UnitRecord>();
  const { isStreetAdmin, isSecretary } = useStaffRoles();
  if (!record) return <TopToolbar />;
  // Secretaries manage the compounds and grids of their subtree; the street admin everything.
  const manages = isStreetAdmin || (isSecretary && ['COMPOUND', 'GRID'].includes(record.kind));
  const inService = !record.retiredAt;
  return (
    <TopToolbar>
      {(isStreetAdmin || isSecretary) && inService && HAS_CHILD_KINDS.includes(record.kind) ? (
        <CreateButton
          resource="orgUnits"
          state={{ record: { parentId: record.id } }}
          label="wishgrid.orgUnits.action.addChild"
          icon={<AddIcon />}
        />
      ) : null}
      {(isStreetAdmin || isSecretary) && inService && record.propertyStatus === 'NONE' ? (
        <CreateButton
          resource="propertyCommittees"
          state={{ record: { compoundId: record.id } }}
          label="wishgrid.orgUnits.action.setUpCommittee"
          icon={<GroupsIcon />}
        />
      ) : null}
      {manages ? <EditButton /> : null}
      {manages ? <MoveOrgUnitButton /> : null}
      {manages ? <RetireOrgUnitButton /> : null}
      {manages ? <DeleteButton mutationMode="pessimistic" /> : null}
    </TopToolbar>
  );
};

/** The compound's active committee: its name (a link), chair and size. */
const CommitteeSummary = () => {
  const record = useRecordContext<UnitRecord>();
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
  const record = useRecordContext<UnitRecord>();
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
  const record = useRecordContext<{ children?: unknown[] }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record?.children?.length) {
    return <Typography variant="body2">{translate('wishgrid.orgUnits.noChildren')}</Typography>;
  }
  return (
    <DataTable
      data={record.children as { id: string }[]}
      total={record.children.length}
      bulkActionButtons={false}
      rowClick="show"
      sort={{ field: 'id', order: 'ASC' }}
    >
      <DataTable.Col source="nameZh" label="resources.orgUnits.fields.localName" disableSort>
        <NameField source="" />
      </DataTable.Col>
      <DataTable.Col source="kind" disableSort>
        <SelectField source="kind" choices={orgUnitKindChoices} />
      </DataTable.Col>
      <DataTable.NumberCol source="population" disableSort />
      <DataTable.NumberCol source="households" disableSort />
      <DataTable.Col source="propertyStatus" disableSort>
        <SelectField source="propertyStatus" choices={propertyStatusChoices} emptyText="" />
      </DataTable.Col>
      <DataTable.Col source="retiredAt" disableSort>
        <DateField source="retiredAt" locales={locale} emptyText="" />
      </DataTable.Col>
    </DataTable>
  );
};

export const OrgUnitShow = () => (
  <Show actions={<OrgUnitShowActions />} title={<LocalNameTitle resource="orgUnits" />}>
    <OrgUnitDetails />
  </Show>
);
