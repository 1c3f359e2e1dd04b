import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { MonthlyThemeCreate } from './MonthlyThemeCreate.tsx';
import { MonthlyThemeEdit } from './MonthlyThemeEdit.tsx';
import { MonthlyThemeList } from './MonthlyThemeList.tsx';
import { MonthlyThemeShow } from './MonthlyThemeShow.tsx';

export default {
  list: MonthlyThemeList,
  show: MonthlyThemeShow,
  edit: MonthlyThemeEdit,
  create: MonthlyThemeCreate,
  icon: CalendarMonthIcon,
  recordRepresentation: (record: { year: number; month: number; title: string }) =>
    `${record.year}-${String(record.month).padStart(2, '0')} ${record.title}`,
};
