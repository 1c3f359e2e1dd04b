import { MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { PeriodKind } from './aggregate.ts';

interface Props {
  heading: string;
  period: PeriodKind;
  onPeriod: (period: PeriodKind) => void;
  /** Offered only when the viewer holds staff roles in several units */
  scopes: { id: string; label: string }[];
  scopeId: string | null;
  onScope: (id: string) => void;
}

const PERIODS: PeriodKind[] = ['month', 'year', 'all'];

export const DashboardToolbar = ({ heading, period, onPeriod, scopes, scopeId, onScope }: Props) => {
  const translate = useTranslate();
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
      <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }} data-testid="dashboard-heading">
        {heading}
      </Typography>
      {scopes.length > 1 && (
        <TextField
          select
          size="small"
          label={translate('wishgrid.dashboard.scope')}
          value={scopeId ?? ''}
          onChange={(event) => onScope(event.target.value)}
          sx={{ minWidth: 200 }}
        >
          {scopes.map((scope) => (
            <MenuItem key={scope.id} value={scope.id}>
              {scope.label}
            </MenuItem>
          ))}
        </TextField>
      )}
      <ToggleButtonGroup
        size="small"
        exclusive
        value={period}
        onChange={(_event, value: PeriodKind | null) => value && onPeriod(value)}
        aria-label={translate('wishgrid.dashboard.period.label')}
      >
        {PERIODS.map((p) => (
          <ToggleButton key={p} value={p} data-testid={`period-${p}`}>
            {translate(`wishgrid.dashboard.period.${p}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Stack>
  );
};
