/** The menu icon with the number of residents waiting (for grid workers and secretaries). */
import HowToRegIcon from '@mui/icons-material/HowToReg';
import { Badge } from '@mui/material';
import { usePendingResidents } from './pending.ts';

export const PendingResidentsIcon = () => {
  const { data } = usePendingResidents();
  const count = data?.totalCount ?? 0;
  return (
    <Badge badgeContent={count} color="error" max={99} data-testid="pending-badge" data-count={count}>
      <HowToRegIcon />
    </Badge>
  );
};
