import { AutocompleteInput, Create, ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { useLocalName } from '../common/names.tsx';
import { useGql } from '../data/graphql-client.ts';

const CATEGORIES = `query WishCategoriesForForm { wishCategories { code name nameZh } }`;
const CHANNELS = ['APP', 'GRID_VISIT', 'HOTLINE', 'WALK_IN'].map((c) => ({ id: c, name: `wishgrid.channel.${c}` }));

/** Listing a wish on a resident's behalf (grid visit, hotline, walk-in). */
export const WishCreate = () => {
  const name = useLocalName();
  const { data } = useGql<{ wishCategories: { code: string; name: string; nameZh: string }[] }>(
    ['wishCategories'],
    CATEGORIES,
  );
  const categories = (data?.wishCategories ?? []).map((c) => ({ id: c.code, name: name(c) }));
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ channel: 'GRID_VISIT' }}>
        <TextInput source="title" validate={required()} fullWidth />
        <TextInput source="description" multiline minRows={3} fullWidth />
        <SelectInput source="categoryCode" choices={categories} validate={required()} />
        <ReferenceInput source="orgUnitId" reference="orgUnits" filter={{ kind: 'COMPOUND' }}>
          <AutocompleteInput optionText={(u: { name?: string; nameZh?: string }) => name(u)} validate={required()} />
        </ReferenceInput>
        <SelectInput source="channel" choices={CHANNELS} />
        <ReferenceInput source="residentId" reference="people" filter={{ role: 'RESIDENT' }}>
          <AutocompleteInput optionText="displayName" />
        </ReferenceInput>
      </SimpleForm>
    </Create>
  );
};
