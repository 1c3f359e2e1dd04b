import { WishCreate } from './WishCreate.tsx';
import { WishList } from './WishList.tsx';
import { WishShow } from './WishShow.tsx';

export default {
  list: WishList,
  show: WishShow,
  create: WishCreate,
  recordRepresentation: 'title',
};
