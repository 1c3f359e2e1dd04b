import { Chip } from '@mui/material';
import { DataTable, FunctionField, useLocaleState, useTranslate } from 'react-admin';
import { DateCol } from '../common/ResourceList.tsx';
import type { CheckIn } from './activity-statuses.ts';
import { PeopleTable } from './PeopleTable.tsx';

/** Who attended, when, for how long; walk-ins (no sign-up) are marked. */
export const ActivityCheckIns = () => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  return (
    <PeopleTable source="checkIns" empty="wishgrid.activities.noCheckIns" testId="activity-check-ins">
      <DataTable.Col source="person.displayName" label="wishgrid.activities.person" disableSort>
        <FunctionField<CheckIn>
          render={(c) => (
            <>
              {c.person.displayName}
              {c.walkIn && (
                <Chip
                  size="small"
                  color="warning"
                  variant="outlined"
                  label={translate('wishgrid.activities.walkIn')}
                  data-testid="walk-in"
                  sx={{ ml: 1 }}
                />
              )}
            </>
          )}
        />
      </DataTable.Col>
      <DateCol source="at" label="wishgrid.activities.at" disableSort moment />
      <DataTable.Col source="hours" label="wishgrid.activities.hours" disableSort>
        <FunctionField<CheckIn> render={(c) => (c.hours === null ? '—' : c.hours.toLocaleString(locale))} />
      </DataTable.Col>
      <DataTable.Col source="recordedBy.displayName" label="wishgrid.activities.recordedBy" disableSort />
    </PeopleTable>
  );
};
