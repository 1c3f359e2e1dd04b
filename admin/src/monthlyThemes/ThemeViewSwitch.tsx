import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import ViewListIcon from '@mui/icons-material/ViewList';
import { type View, ViewSwitch } from '../common/ViewSwitch.tsx';
import { type ThemeView, useThemeView } from './theme-view.ts';

const VIEWS: View<ThemeView>[] = [
  { value: 'year', icon: <CalendarMonthIcon />, label: 'wishgrid.monthlyThemes.yearView', testId: 'themes-year-view' },
  { value: 'list', icon: <ViewListIcon />, label: 'wishgrid.monthlyThemes.listView', testId: 'themes-list-view' },
];

/** Year view (the default) or the usual list. */
export const ThemeViewSwitch = () => {
  const { view, go } = useThemeView();
  return <ViewSwitch views={VIEWS} value={view} onChange={(next) => go({ view: next })} />;
};
