import StarsIcon from '@mui/icons-material/Stars';
import { PointEntryCreate } from './PointEntryCreate.tsx';
import { PointEntryList } from './PointEntryList.tsx';

// The ledger and the rankings share the list page; entries have no page of their own (a correction is a
// new entry, made from the list).
export default {
  list: PointEntryList,
  create: PointEntryCreate,
  icon: StarsIcon,
  recordRepresentation: 'reason',
};
