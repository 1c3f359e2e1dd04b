import { useLocalName } from '../common/names.tsx';
import { useGql } from '../data/graphql-client.ts';
import { graphql } from '../gql/gql.ts';

const CATEGORIES = graphql(`
  query WishCategoryChoices { wishCategories { code name nameZh } }
`);

/** The categories a wish can be listed in, by code, named in the panel's language. */
export function useCategoryChoices(): { id: string; name: string }[] {
  const name = useLocalName();
  const { data } = useGql(['wishCategories'], CATEGORIES);
  return (data?.wishCategories ?? []).map((c) => ({ id: c.code, name: name(c) }));
}
