import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { DialogAction } from '../common/DialogAction.tsx';
import { useLocalName } from '../common/names.tsx';
import type { WishCategoryRowFragment } from '../gql/graphql.ts';
import { DEACTIVATE_CATEGORY, REACTIVATE_CATEGORY } from './queries.ts';

type Category = WishCategoryRowFragment;

/** Stops offering the category for new wishes (after a confirmation), or offers it again. */
export const CategoryActiveButton = () => {
  const name = useLocalName();
  return (
    <>
      <DialogAction
        when={(category: Category) => category.active}
        label="wishgrid.wishCategories.action.deactivate"
        icon={<BlockIcon />}
        color="warning"
        title="wishgrid.wishCategories.deactivate.title"
        content="wishgrid.wishCategories.deactivate.content"
        messageArgs={(category) => ({ name: name(category) })}
        mutation={DEACTIVATE_CATEGORY}
        variables={(_values, category) => ({ input: { categoryId: category.id } })}
        success="wishgrid.wishCategories.deactivate.done"
      />
      <DialogAction
        immediate
        when={(category: Category) => !category.active}
        label="wishgrid.wishCategories.action.reactivate"
        icon={<CheckCircleIcon />}
        mutation={REACTIVATE_CATEGORY}
        variables={(_values, category) => ({ input: { categoryId: category.id, active: true } })}
        success="wishgrid.wishCategories.reactivated"
      />
    </>
  );
};
