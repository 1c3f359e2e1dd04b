import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import ViewListIcon from '@mui/icons-material/ViewList';
import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import { type ThemeView, useThemeView } from './theme-view.ts';

/** Year view (the default) or the usual list. */
export const ThemeViewSwitch = () => {
  const translate = useTranslate();
  const { view, go } = useThemeView();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={view}
      onChange={(_e, next: ThemeView | null) => next && go({ view: next })}
    >
      <ToggleButton value="year" data-testid="themes-year-view">
        <CalendarMonthIcon fontSize="small" sx={{ mr: 0.5 }} />
        {translate('wishgrid.monthlyThemes.yearView')}
      </ToggleButton>
      <ToggleButton value="list" data-testid="themes-list-view">
        <ViewListIcon fontSize="small" sx={{ mr: 0.5 }} />
        {translate('wishgrid.monthlyThemes.listView')}
      </ToggleButton>
    </ToggleButtonGroup>
  );
};
