import { Typography } from '@mui/material';
import {
  ArrayField,
  BooleanField,
  DataTable,
  DateField,
  FunctionField,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import type { SignUp } from './activity-statuses.ts';

const DATE_TIME = { dateStyle: 'medium', timeStyle: 'short' } as const;

/** Who signed up (withdrawals included) and whether they came. */
export const ActivitySignUps = () => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  return (
    <ArrayField source="signUps">
      <DataTable
        bulkActionButtons={false}
        rowClick={false}
        empty={<Typography color="textSecondary">{translate('wishgrid.activities.noSignUps')}</Typography>}
        data-testid="activity-sign-ups"
      >
        <DataTable.Col source="person.displayName" label="wishgrid.activities.person" disableSort />
        <DataTable.Col source="status" label="resources.activities.fields.status" disableSort>
          <FunctionField<SignUp> render={(s) => translate(`wishgrid.activities.signUpStatus.${s.status}`)} />
        </DataTable.Col>
        <DataTable.Col source="signedUpAt" label="wishgrid.activities.signedUpAt" disableSort>
          <DateField source="signedUpAt" showTime locales={locale} options={DATE_TIME} />
        </DataTable.Col>
        <DataTable.Col source="cancelledAt" label="wishgrid.activities.cancelledAt" disableSort>
          <DateField source="cancelledAt" showTime locales={locale} options={DATE_TIME} emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="checkedIn" label="wishgrid.activities.checkedIn" disableSort>
          <BooleanField source="checkedIn" />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
};
