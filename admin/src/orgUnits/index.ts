import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { createElement } from 'react';
import { NameField } from '../common/names.tsx';
import { OrgUnitCreate } from './OrgUnitCreate.tsx';
import { OrgUnitEdit } from './OrgUnitEdit.tsx';
import { OrgUnitList } from './OrgUnitList.tsx';
import { OrgUnitShow } from './OrgUnitShow.tsx';

export default {
  list: OrgUnitList,
  show: OrgUnitShow,
  edit: OrgUnitEdit,
  create: OrgUnitCreate,
  icon: AccountTreeIcon,
  // The name in the panel's language (titles, reference fields).
  recordRepresentation: createElement(NameField, { source: '' }),
};
