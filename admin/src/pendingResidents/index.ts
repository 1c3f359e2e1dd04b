import { PendingResidentList } from './PendingResidentList.tsx';
import { PendingResidentsIcon } from './PendingResidentsIcon.tsx';

/** 待审核居民: one page (approve or refuse self-registered residents); no react-admin data-provider calls. */
export default {
  list: PendingResidentList,
  icon: PendingResidentsIcon,
};
