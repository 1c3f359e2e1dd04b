import { DateField, NumberField, SelectField, Show, SimpleShowLayout, TextField, useLocaleState } from 'react-admin';
import { wishStatusChoices } from './wish-statuses.ts';

export const WishShow = () => {
  const [locale] = useLocaleState();
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="title" />
        <SelectField source="status" choices={wishStatusChoices} />
        <TextField source="category.name" label="resources.wishes.fields.category" />
        <TextField source="compound.name" label="resources.wishes.fields.compound" />
        <TextField source="handlingUnit.name" label="resources.wishes.fields.handlingUnit" />
        <TextField source="description" />
        <NumberField source="rating" emptyText="—" />
        <DateField source="createdAt" showTime locales={locale} />
        <DateField source="updatedAt" showTime locales={locale} />
      </SimpleShowLayout>
    </Show>
  );
};
