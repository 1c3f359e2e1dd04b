import GroupsIcon from '@mui/icons-material/Groups';
import { PropertyCommitteeCreate } from './PropertyCommitteeCreate.tsx';
import { PropertyCommitteeEdit } from './PropertyCommitteeEdit.tsx';
import { PropertyCommitteeList } from './PropertyCommitteeList.tsx';
import { PropertyCommitteeShow } from './PropertyCommitteeShow.tsx';

export default {
  list: PropertyCommitteeList,
  show: PropertyCommitteeShow,
  edit: PropertyCommitteeEdit,
  create: PropertyCommitteeCreate,
  icon: GroupsIcon,
  recordRepresentation: 'name',
};
