import { Chip, Typography } from '@mui/material';
import { ArrayField, DataTable, DateField, FunctionField, useLocaleState, useTranslate } from 'react-admin';
import type { CheckIn } from './activity-statuses.ts';

const DATE_TIME = { dateStyle: 'medium', timeStyle: 'short' } as const;

/** Who attended, when, for how long; walk-ins (no sign-up) are marked. */
export const ActivityCheckIns = () => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  return (
    <ArrayField source="checkIns">
      <DataTable
        bulkActionButtons={false}
        rowClick={false}
        empty={<Typography color="textSecondary">{translate('wishgrid.activities.noCheckIns')}</Typography>}
        data-testid="activity-check-ins"
      >
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
        <DataTable.Col source="at" label="wishgrid.activities.at" disableSort>
          <DateField source="at" showTime locales={locale} options={DATE_TIME} />
        </DataTable.Col>
        <DataTable.Col source="hours" label="wishgrid.activities.hours" disableSort>
          <FunctionField<CheckIn> render={(c) => (c.hours === null ? '—' : c.hours.toLocaleString(locale))} />
        </DataTable.Col>
        <DataTable.Col source="recordedBy.displayName" label="wishgrid.activities.recordedBy" disableSort />
      </DataTable>
    </ArrayField>
  );
};
