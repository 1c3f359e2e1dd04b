import { Badge, Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { useGql } from '../data/graphql-client.ts';
import { graphql } from '../gql/gql.ts';
import { WISH_STATUSES } from './wish-statuses.ts';

const COUNTS = graphql(`
  query WishStatusCounts($filter: WishListFilter) { wishStatusCounts(filter: $filter) { status count } }
`);

/** The lifecycle as tabs over the list, each with its count under the other filters. */
export const StatusTabs = ({ refreshKey }: { refreshKey: number }) => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  const { status, ...others } = filterValues as { status?: string; [key: string]: unknown };
  const clean = Object.fromEntries(Object.entries(others).filter(([, v]) => v !== '' && v !== undefined && v !== null));
  const { data } = useGql(['wishStatusCounts', clean, refreshKey], COUNTS, {
    filter: Object.keys(clean).length > 0 ? clean : null,
  });
  const counts = new Map<string, number>((data?.wishStatusCounts ?? []).map((c) => [c.status, c.count]));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const current = typeof status === 'string' ? status : 'ALL';
  return (
    <Tabs
      value={current}
      variant="scrollable"
      scrollButtons="auto"
      onChange={(_e, value: string) =>
        setFilters(value === 'ALL' ? others : { ...others, status: value }, displayedFilters)
      }
    >
      {['ALL', ...WISH_STATUSES].map((s) => (
        <Tab
          key={s}
          value={s}
          data-testid={`tab-${s}`}
          label={
            <Badge
              color="primary"
              max={9999}
              showZero
              badgeContent={s === 'ALL' ? total : (counts.get(s) ?? 0)}
              sx={{ '& .MuiBadge-badge': { right: -14 } }}
            >
              <span data-testid={`tab-count-${s}`} data-count={s === 'ALL' ? total : (counts.get(s) ?? 0)}>
                {translate(s === 'ALL' ? 'wishgrid.wishes.all' : `wishgrid.status.${s}`)}
              </span>
            </Badge>
          }
          sx={{ pr: 4 }}
        />
      ))}
    </Tabs>
  );
};
