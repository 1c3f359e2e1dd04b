import { AutocompleteInput, Create, ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { enumChoices, inOrder } from '../common/enum-choices.ts';
import { useLocalName } from '../common/names.tsx';
import type { WishChannel } from '../gql/graphql.ts';
import { useCategoryChoices } from './category-choices.ts';

const CHANNELS = enumChoices(
  inOrder<WishChannel>({ APP: 1, GRID_VISIT: 2, HOTLINE: 3, WALK_IN: 4 }),
  'wishgrid.channel',
);

/** Listing a wish on a resident's behalf (grid visit, hotline, walk-in). */
export const WishCreate = () => {
  const name = useLocalName();
  const categories = useCategoryChoices();
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ channel: 'GRID_VISIT' }}>
        <TextInput source="title" validate={required()} fullWidth />
        <TextInput source="description" multiline minRows={3} fullWidth />
        <TextInput
          source="address"
          fullWidth
          helperText="resources.wishes.helpers.address"
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
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
