/**
 * The panel's lists: react-admin's List with the staff toolbar, no export and no bulk actions, the records
 * in a DataTable; and the columns most lists share (dates in the panel's language, enums by their labels,
 * names in the panel's language).
 */
import type { ReactElement, ReactNode } from 'react';
import {
  DataTable,
  type DataTableColumnProps,
  type DataTableProps,
  DateField,
  type DateFieldProps,
  List,
  type ListProps,
  SelectField,
  type SelectFieldProps,
  useLocaleState,
} from 'react-admin';
import { type Creators, ListActions } from './ListActions.tsx';
import { NameField } from './names.tsx';

export interface ResourceListProps extends Omit<ListProps, 'children' | 'actions'> {
  filters?: ReactElement[];
  /** Who sees "create" (default: nobody) */
  creators?: Creators;
  /** The toolbar's own buttons before the filter button; `false`: no toolbar */
  toolbar?: ReactNode | false;
  /** Above the table (e.g. status tabs) */
  above?: ReactNode;
  rowClick?: DataTableProps['rowClick'];
  children: ReactNode;
}

export const ResourceList = ({
  creators = 'nobody',
  toolbar,
  above,
  rowClick = 'show',
  children,
  ...listProps
}: ResourceListProps) => (
  <List
    exporter={false}
    actions={toolbar === false ? false : <ListActions creators={creators}>{toolbar}</ListActions>}
    {...listProps}
  >
    {above}
    <DataTable bulkActionButtons={false} rowClick={rowClick}>
      {children}
    </DataTable>
  </List>
);

type ColumnProps = Pick<DataTableColumnProps, 'label' | 'disableSort' | 'sx'> & { source: string };

type DateProps = Omit<DateFieldProps, 'source' | 'locales' | 'sx'> & {
  /** A moment: the date, and the time to the minute */
  moment?: boolean;
};

const MOMENT = { showTime: true, options: { dateStyle: 'medium', timeStyle: 'short' } } as const;

/** A date (with `showTime`, a date and time; a `moment`, to the minute) in the panel's language. */
export const DateShown = ({ source, moment = false, ...field }: DateProps & { source: string; label?: string }) => {
  const [locale] = useLocaleState();
  return <DateField source={source} locales={locale} {...(moment ? MOMENT : {})} {...field} />;
};

export const DateCol = ({ source, label, disableSort, sx, ...field }: ColumnProps & DateProps) => (
  <DataTable.Col source={source} label={label} disableSort={disableSort} sx={sx}>
    <DateShown source={source} {...field} />
  </DataTable.Col>
);

/** An enum's value by its label. */
export const SelectCol = ({
  source,
  label,
  disableSort,
  sx,
  ...field
}: ColumnProps & Omit<SelectFieldProps, 'source' | 'sx'>) => (
  <DataTable.Col source={source} label={label} disableSort={disableSort} sx={sx}>
    <SelectField source={source} {...field} />
  </DataTable.Col>
);

/** The record's name in the panel's language (sorted by it): `nameZh`, or the English one (`en`). */
export const LocalNameCol = ({ label, en = 'name' }: { label: string; en?: string }) => {
  const [locale] = useLocaleState();
  return (
    <DataTable.Col source={locale === 'en' ? en : 'nameZh'} label={label}>
      <NameField source="" />
    </DataTable.Col>
  );
};
