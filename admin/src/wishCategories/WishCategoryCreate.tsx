import {
  Create,
  maxValue,
  minValue,
  NumberInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { categoryLevelChoices } from './category-levels.ts';

export const WishCategoryCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ defaultLevel: 'COMPOUND', dueInDays: 7 }}>
      <TextInput
        source="code"
        validate={[required(), regex(/^[a-z0-9_]+$/, 'wishgrid.wishCategories.codeHint')]}
        helperText="wishgrid.wishCategories.codeHint"
      />
      <TextInput source="nameZh" validate={required()} />
      <TextInput source="name" validate={required()} />
      <SelectInput source="defaultLevel" choices={categoryLevelChoices} validate={required()} />
      <NumberInput source="dueInDays" validate={[required(), minValue(1), maxValue(365)]} />
      <NumberInput source="sortOrder" helperText="wishgrid.wishCategories.sortOrderHint" />
    </SimpleForm>
  </Create>
);
