import { useCreatePath, useLocation, useNavigate } from 'react-admin';
import { streetDate } from '../common/street-time.ts';

export type ThemeView = 'year' | 'list';

export interface ThemeRow {
  id: string;
  year: number;
  month: number;
  title: string;
  brand: { id: string; code: string; name: string; nameZh: string } | null;
  activities: { id: string; title: string; startsAt: string; status: string }[];
}

/**
 * The themes page shows the year view unless the address says `?view=list`; the year is `?year=`, else the
 * street's current year. Both live in the address, so a reload or a shared link shows the same page.
 */
export function useThemeView(): {
  view: ThemeView;
  year: number;
  go: (to: { view?: ThemeView; year?: number }) => void;
} {
  const location = useLocation();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const params = new URLSearchParams(location.search);
  const view: ThemeView = params.get('view') === 'list' ? 'list' : 'year';
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : streetDate(new Date()).year;
  const go = (to: { view?: ThemeView; year?: number }) => {
    const next = new URLSearchParams();
    if ((to.view ?? view) === 'list') next.set('view', 'list');
    else next.set('year', String(to.year ?? year));
    navigate({ pathname: createPath({ resource: 'monthlyThemes', type: 'list' }), search: `?${next.toString()}` });
  };
  return { view, year, go };
}
