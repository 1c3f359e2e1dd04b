import RuleIcon from '@mui/icons-material/Rule';
import { createElement } from 'react';
import { NameField } from '../common/names.tsx';
import { PointRuleList } from './PointRuleList.tsx';

// No show or edit page: the API has no single-rule query, so rules are edited in a dialog over the list.
export default {
  list: PointRuleList,
  icon: RuleIcon,
  recordRepresentation: createElement(NameField, { source: '' }),
};
