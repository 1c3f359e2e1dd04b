import {
  BooleanField,
  EditButton,
  NumberField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { useStaffRoles } from '../common/staff-roles.ts';
import { LocalNameTitle } from '../orgUnits/LocalNameTitle.tsx';
import { CategoryActiveButton } from './CategoryActiveButton.tsx';
import { categoryLevelChoices } from './category-levels.ts';

const WishCategoryShowActions = () => {
  const { isStreetAdmin } = useStaffRoles();
  return (
    <TopToolbar>{isStreetAdmin ? [<CategoryActiveButton key="active" />, <EditButton key="edit" />] : null}</TopToolbar>
  );
};

export const WishCategoryShow = () => (
  <Show actions={<WishCategoryShowActions />} title={<LocalNameTitle resource="wishCategories" />}>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="nameZh" />
      <TextField source="name" />
      <SelectField source="defaultLevel" choices={categoryLevelChoices} />
      <NumberField source="dueInDays" />
      <NumberField source="sortOrder" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);
