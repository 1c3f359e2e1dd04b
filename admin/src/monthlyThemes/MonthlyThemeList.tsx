import { MonthlyThemeTable } from './MonthlyThemeTable.tsx';
import { MonthlyThemeYearView } from './MonthlyThemeYearView.tsx';
import { useThemeView } from './theme-view.ts';

/** The resource's list page: the year view by default, the usual list on `?view=list`. */
export const MonthlyThemeList = () => {
  const { view } = useThemeView();
  return view === 'list' ? <MonthlyThemeTable /> : <MonthlyThemeYearView />;
};
