import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useCreatePath, useLocation, useNavigate, useTranslate } from 'react-admin';

export type PointsView = 'ledger' | 'rankings';

/** The ledger (default) or the rankings: `?view=rankings` in the address, so a reload keeps the page. */
export function usePointsView(): PointsView {
  const location = useLocation();
  return new URLSearchParams(location.search).get('view') === 'rankings' ? 'rankings' : 'ledger';
}

export const PointsViewSwitch = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const view = usePointsView();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={view}
      onChange={(_e, next: PointsView | null) => {
        if (!next) return;
        navigate({
          pathname: createPath({ resource: 'pointEntries', type: 'list' }),
          search: next === 'rankings' ? '?view=rankings' : '',
        });
      }}
    >
      <ToggleButton value="ledger" data-testid="points-ledger-view">
        <ReceiptLongIcon fontSize="small" sx={{ mr: 0.5 }} />
        {translate('wishgrid.pointEntries.ledger')}
      </ToggleButton>
      <ToggleButton value="rankings" data-testid="points-rankings-view">
        <LeaderboardIcon fontSize="small" sx={{ mr: 0.5 }} />
        {translate('wishgrid.pointEntries.rankings')}
      </ToggleButton>
    </ToggleButtonGroup>
  );
};
