import { Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { ArrayField, DataTable, useTranslate } from 'react-admin';

/** One of an activity's lists of people (its sign-ups, its check-ins), saying so when it is empty. */
export const PeopleTable = ({
  source,
  empty,
  testId,
  children,
}: {
  source: 'signUps' | 'checkIns';
  /** i18n key */
  empty: string;
  testId: string;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <ArrayField source={source}>
      <DataTable
        bulkActionButtons={false}
        rowClick={false}
        empty={<Typography color="textSecondary">{translate(empty)}</Typography>}
        data-testid={testId}
      >
        {children}
      </DataTable>
    </ArrayField>
  );
};
