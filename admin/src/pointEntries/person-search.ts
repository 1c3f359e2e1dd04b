import { useEffect, useState } from 'react';
import { useGql } from '../data/graphql-client.ts';

export interface PersonOption {
  id: string;
  displayName: string;
  username: string | null;
  roles: { role: string; orgUnit: { id: string; name: string; nameZh: string } | null }[];
}

const PEOPLE = `query PersonSearch($filter: PersonListFilter, $limit: Int) {
  personList(filter: $filter, limit: $limit) {
    nodes { id displayName username roles { role orgUnit { id name nameZh } } }
  }
}`;

/** The value, once it has stopped changing for `ms`: a search runs when the typing pauses. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/**
 * People the viewer may see (the server keeps them to the viewer's subtrees), by the list's own filter:
 * `q` (name, username or phone), `ids`, `role`, `orgUnitId`. Nothing is asked while `enabled` is false.
 */
export function usePeople(filter: Record<string, unknown>, enabled = true, limit = 20): PersonOption[] {
  const { data } = useGql<{ personList: { nodes: PersonOption[] } }>(
    ['personSearch', filter, limit],
    PEOPLE,
    { filter, limit },
    enabled,
  );
  return enabled ? (data?.personList.nodes ?? []) : [];
}
