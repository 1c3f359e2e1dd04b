import LoyaltyIcon from '@mui/icons-material/Loyalty';
import { createElement } from 'react';
import { NameField } from '../common/names.tsx';
import { ServiceBrandCreate } from './ServiceBrandCreate.tsx';
import { ServiceBrandEdit } from './ServiceBrandEdit.tsx';
import { ServiceBrandList } from './ServiceBrandList.tsx';

export default {
  list: ServiceBrandList,
  edit: ServiceBrandEdit,
  create: ServiceBrandCreate,
  icon: LoyaltyIcon,
  recordRepresentation: createElement(NameField, { source: '' }),
};
