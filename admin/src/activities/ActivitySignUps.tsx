import { BooleanField, DataTable, useTranslate } from 'react-admin';
import { DateCol } from '../common/ResourceList.tsx';
import type { SignUp } from './activity-statuses.ts';
import { PeopleTable } from './PeopleTable.tsx';

/** Who signed up (withdrawals included) and whether they came. */
export const ActivitySignUps = () => {
  const translate = useTranslate();
  return (
    <PeopleTable source="signUps" empty="wishgrid.activities.noSignUps" testId="activity-sign-ups">
      <DataTable.Col source="person.displayName" label="wishgrid.activities.person" disableSort />
      <DataTable.Col<SignUp>
        source="status"
        label="resources.activities.fields.status"
        disableSort
        render={(s) => translate(`wishgrid.activities.signUpStatus.${s.status}`)}
      />
      <DateCol source="signedUpAt" label="wishgrid.activities.signedUpAt" disableSort moment />
      <DateCol source="cancelledAt" label="wishgrid.activities.cancelledAt" disableSort moment emptyText="—" />
      <DataTable.Col source="checkedIn" label="wishgrid.activities.checkedIn" disableSort field={BooleanField} />
    </PeopleTable>
  );
};
