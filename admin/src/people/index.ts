import PeopleIcon from '@mui/icons-material/People';
import { PersonCreate } from './PersonCreate.tsx';
import { PersonEdit } from './PersonEdit.tsx';
import { PersonList } from './PersonList.tsx';
import { PersonShow } from './PersonShow.tsx';

export default {
  list: PersonList,
  show: PersonShow,
  edit: PersonEdit,
  create: PersonCreate,
  icon: PeopleIcon,
  recordRepresentation: 'displayName',
};
