import EventIcon from '@mui/icons-material/Event';
import { ActivityCreate } from './ActivityCreate.tsx';
import { ActivityEdit } from './ActivityEdit.tsx';
import { ActivityList } from './ActivityList.tsx';
import { ActivityShow } from './ActivityShow.tsx';

export default {
  list: ActivityList,
  show: ActivityShow,
  edit: ActivityEdit,
  create: ActivityCreate,
  icon: EventIcon,
  recordRepresentation: 'title',
};
