import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { DialogAction } from '../common/DialogAction.tsx';
import type { PersonRowFragment } from '../gql/graphql.ts';
import { DEACTIVATE_PERSON, REACTIVATE_PERSON } from './queries.ts';

type Person = PersonRowFragment;

const personInput = (_values: unknown, person: Person) => ({ input: { personId: person.id } });

/** Deactivates (after a confirmation: their sessions end) or reactivates the person. */
export const PersonActiveButton = () => (
  <>
    <DialogAction
      when={(person: Person) => person.active}
      label="wishgrid.people.action.deactivate"
      icon={<BlockIcon />}
      color="warning"
      title="wishgrid.people.deactivate.title"
      content="wishgrid.people.deactivate.content"
      messageArgs={(person) => ({ name: person.displayName })}
      mutation={DEACTIVATE_PERSON}
      variables={personInput}
      success="wishgrid.people.deactivate.done"
    />
    <DialogAction
      immediate
      when={(person: Person) => !person.active}
      label="wishgrid.people.action.reactivate"
      icon={<CheckCircleIcon />}
      mutation={REACTIVATE_PERSON}
      variables={personInput}
      success="wishgrid.people.reactivated"
    />
  </>
);
