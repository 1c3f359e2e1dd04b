import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { useCreatePath, useLocation, useNavigate } from 'react-admin';
import { type View, ViewSwitch } from '../common/ViewSwitch.tsx';

export type PointsView = 'ledger' | 'rankings';

/** The ledger (default) or the rankings: `?view=rankings` in the address, so a reload keeps the page. */
export function usePointsView(): PointsView {
  const location = useLocation();
  return new URLSearchParams(location.search).get('view') === 'rankings' ? 'rankings' : 'ledger';
}

const VIEWS: View<PointsView>[] = [
  { value: 'ledger', icon: <ReceiptLongIcon />, label: 'wishgrid.pointEntries.ledger', testId: 'points-ledger-view' },
  {
    value: 'rankings',
    icon: <LeaderboardIcon />,
    label: 'wishgrid.pointEntries.rankings',
    testId: 'points-rankings-view',
  },
];

export const PointsViewSwitch = () => {
  const navigate = useNavigate();
  const createPath = useCreatePath();
  return (
    <ViewSwitch
      views={VIEWS}
      value={usePointsView()}
      onChange={(next) =>
        navigate({
          pathname: createPath({ resource: 'pointEntries', type: 'list' }),
          search: next === 'rankings' ? '?view=rankings' : '',
        })
      }
    />
  );
};
