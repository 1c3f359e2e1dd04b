import {
  Edit,
  Labeled,
  maxValue,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
} from 'react-admin';
import { LocalNameTitle } from '../orgUnits/LocalNameTitle.tsx';
import { categoryLevelChoices } from './category-levels.ts';

export const WishCategoryEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" title={<LocalNameTitle resource="wishCategories" />}>
    <SimpleForm>
      {/* The code is the category's key in wishes and the API: it does not change. */}
      <Labeled>
        <TextField source="code" />
      </Labeled>
      <TextInput source="nameZh" validate={required()} />
      <TextInput source="name" validate={required()} />
      <SelectInput source="defaultLevel" choices={categoryLevelChoices} validate={required()} />
      <NumberInput source="dueInDays" validate={[required(), minValue(1), maxValue(365)]} />
      <NumberInput source="sortOrder" validate={required()} />
    </SimpleForm>
  </Edit>
);
