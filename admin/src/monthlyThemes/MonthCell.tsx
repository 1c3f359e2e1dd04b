import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link, useCreatePath, useLocaleState, useTranslate } from 'react-admin';
import { useLocalName } from '../common/names.tsx';
import { monthName } from './months.ts';
import type { ThemeRow } from './theme-view.ts';

const SHOWN_ACTIVITIES = 3;

/** One month of the year view: its theme with brand and activities, or a clearly empty month. */
export const MonthCell = ({
  year,
  month,
  theme,
  current,
  canCreate,
}: {
  year: number;
  month: number;
  theme: ThemeRow | undefined;
  current: boolean;
  canCreate: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const name = useLocalName();
  const createPath = useCreatePath();
  const activities = theme?.activities ?? [];
  return (
    <Card
      variant="outlined"
      data-testid={`theme-month-${month}`}
      data-empty={theme ? 'false' : 'true'}
      sx={{
        height: '100%',
        borderStyle: theme ? 'solid' : 'dashed',
        borderWidth: current ? 2 : 1,
        borderColor: current ? 'primary.main' : 'divider',
        bgcolor: theme ? 'background.paper' : 'action.hover',
      }}
    >
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1, height: '100%', boxSizing: 'border-box' }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 1 }}>
          <Typography
            variant="overline"
            color={current ? 'primary' : 'textSecondary'}
            sx={{ fontWeight: current ? 700 : 500 }}
          >
            {monthName(locale, month)}
          </Typography>
          {theme?.brand && <Chip size="small" color="secondary" variant="outlined" label={name(theme.brand)} />}
        </Stack>
        {theme ? (
          <>
            <Typography
              variant="subtitle1"
              component={Link}
              to={createPath({ resource: 'monthlyThemes', id: theme.id, type: 'show' })}
              data-testid="theme-title"
              sx={{
                fontWeight: 600,
                color: 'text.primary',
                textDecoration: 'none',
                '&:hover': { textDecoration: 'underline' },
              }}
            >
              {theme.title}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {activities.length > 0
                ? translate('wishgrid.monthlyThemes.activityCount', { smart_count: activities.length })
                : translate('wishgrid.monthlyThemes.noActivities')}
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {activities.slice(0, SHOWN_ACTIVITIES).map((a) => (
                <Typography component="li" variant="body2" key={a.id} noWrap title={a.title}>
                  <Link to={createPath({ resource: 'activities', id: a.id, type: 'show' })}>{a.title}</Link>
                </Typography>
              ))}
              {activities.length > SHOWN_ACTIVITIES && (
                <Typography component="li" variant="body2" color="textSecondary" sx={{ listStyle: 'none' }}>
                  {translate('wishgrid.monthlyThemes.moreActivities', {
                    smart_count: activities.length - SHOWN_ACTIVITIES,
                  })}
                </Typography>
              )}
            </Box>
          </>
        ) : (
          <Stack sx={{ flexGrow: 1, justifyContent: 'center', alignItems: 'flex-start', gap: 1 }}>
            <Typography variant="body2" color="textSecondary">
              {translate('wishgrid.monthlyThemes.empty')}
            </Typography>
            {canCreate && (
              <Button
                size="small"
                variant="outlined"
                startIcon={<AddIcon />}
                component={Link}
                data-testid="theme-create-for-month"
                to={{
                  pathname: createPath({ resource: 'monthlyThemes', type: 'create' }),
                  search: `?source=${encodeURIComponent(JSON.stringify({ year, month }))}`,
                }}
              >
                {translate('wishgrid.monthlyThemes.createForMonth')}
              </Button>
            )}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
