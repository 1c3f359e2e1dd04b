import CategoryIcon from '@mui/icons-material/Category';
import { createElement } from 'react';
import { NameField } from '../common/names.tsx';
import { WishCategoryCreate } from './WishCategoryCreate.tsx';
import { WishCategoryEdit } from './WishCategoryEdit.tsx';
import { WishCategoryList } from './WishCategoryList.tsx';
import { WishCategoryShow } from './WishCategoryShow.tsx';

export default {
  list: WishCategoryList,
  show: WishCategoryShow,
  edit: WishCategoryEdit,
  create: WishCategoryCreate,
  icon: CategoryIcon,
  recordRepresentation: createElement(NameField, { source: '' }),
};
