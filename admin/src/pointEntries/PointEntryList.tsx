import { PointEntryLedger } from './PointEntryLedger.tsx';
import { PointRankings } from './PointRankings.tsx';
import { usePointsView } from './PointsViewSwitch.tsx';

/** The points page: the ledger by default, the rankings on `?view=rankings`. */
export const PointEntryList = () => (usePointsView() === 'rankings' ? <PointRankings /> : <PointEntryLedger />);
