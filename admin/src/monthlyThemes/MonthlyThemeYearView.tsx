import AddIcon from '@mui/icons-material/Add';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Alert, Box, Button, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { Link, Loading, Title, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { useStaffRoles } from '../common/staff-roles.ts';
import { streetDate } from '../common/street-time.ts';
import { MonthCell } from './MonthCell.tsx';
import { MONTHS } from './months.ts';
import { ThemeViewSwitch } from './ThemeViewSwitch.tsx';
import { type ThemeRow, useThemeView } from './theme-view.ts';

/** The default page of the themes: the twelve months of one year, each with its theme or a gap to fill. */
export const MonthlyThemeYearView = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { isStreetAdmin } = useStaffRoles();
  const { year, go } = useThemeView();
  const { data, isPending, error } = useGetList<ThemeRow>('monthlyThemes', {
    filter: { year },
    pagination: { page: 1, perPage: 12 },
    sort: { field: 'month', order: 'ASC' },
  });
  const byMonth = new Map((data ?? []).map((t) => [t.month, t]));
  const now = streetDate(new Date());
  const title = translate('wishgrid.monthlyThemes.yearTitle', { year });
  return (
    <Box sx={{ mt: 1, mb: 2 }} data-testid="themes-year">
      <Title title={title} />
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 2 }}>
        <Tooltip title={translate('wishgrid.monthlyThemes.previousYear')}>
          <IconButton onClick={() => go({ year: year - 1 })} data-testid="themes-previous-year">
            <ChevronLeftIcon />
          </IconButton>
        </Tooltip>
        <Typography variant="h5" component="h1" data-testid="themes-year-label" data-year={year}>
          {title}
        </Typography>
        <Tooltip title={translate('wishgrid.monthlyThemes.nextYear')}>
          <IconButton onClick={() => go({ year: year + 1 })} data-testid="themes-next-year">
            <ChevronRightIcon />
          </IconButton>
        </Tooltip>
        {year !== now.year && (
          <Button size="small" onClick={() => go({ year: now.year })}>
            {translate('wishgrid.monthlyThemes.thisYear')}
          </Button>
        )}
        <Box sx={{ flexGrow: 1 }} />
        <ThemeViewSwitch />
        {isStreetAdmin && (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            component={Link}
            to={{
              pathname: createPath({ resource: 'monthlyThemes', type: 'create' }),
              search: `?source=${encodeURIComponent(JSON.stringify({ year }))}`,
            }}
          >
            {translate('ra.action.create')}
          </Button>
        )}
      </Stack>
      {error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : isPending ? (
        <Loading />
      ) : (
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(3, 1fr)', lg: 'repeat(4, 1fr)' },
          }}
        >
          {MONTHS.map((month) => (
            <MonthCell
              key={month}
              year={year}
              month={month}
              theme={byMonth.get(month)}
              current={year === now.year && month === now.month}
              canCreate={isStreetAdmin}
            />
          ))}
        </Box>
      )}
    </Box>
  );
};
