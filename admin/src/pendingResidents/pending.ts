/**
 * The residents waiting for the viewer's verification: one `pendingResidents` call per unit the viewer verifies
 * in (a grid worker's grid covers its parent's compounds; a secretary's unit its subtree), merged, oldest first.
 * The page and the menu badge share one react-query entry, so a decision updates both.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useGetIdentity } from 'react-admin';
import { gqlQuery } from '../data/graphql-client.ts';
import type { PanelPendingResidentsQuery, VerifierUnitsQuery } from '../gql/graphql.ts';
import { PENDING_RESIDENTS, VERIFIER_UNITS } from './documents.ts';

export type PendingResident = PanelPendingResidentsQuery['pendingResidents']['nodes'][number];

export interface PendingState {
  /** Whether the viewer verifies residents anywhere (grid worker or branch secretary). */
  verifies: boolean;
  residents: PendingResident[];
  totalCount: number;
}

/** The panel page asks for at most this many per unit (the server's cap is 200). */
export const PAGE_SIZE = 200;

const VERIFIER_ROLES = new Set(['GRID_WORKER', 'BRANCH_SECRETARY']);

type RoleRow = VerifierUnitsQuery['me']['roles'][number];

/** The unit whose subtree a role verifies: for a grid, its parent. */
export const scopeUnitId = (r: RoleRow): string =>
  r.orgUnit.kind === 'GRID' && r.orgUnit.parent ? r.orgUnit.parent.id : r.orgUnit.id;

export async function loadPending(): Promise<PendingState> {
  const { me } = await gqlQuery(VERIFIER_UNITS);
  const units = [...new Set(me.roles.filter((r) => VERIFIER_ROLES.has(r.role)).map(scopeUnitId))];
  if (units.length === 0) return { verifies: false, residents: [], totalCount: 0 };
  const pages = await Promise.all(
    units.map((orgUnitId) => gqlQuery(PENDING_RESIDENTS, { orgUnitId, first: PAGE_SIZE })),
  );
  const byId = new Map<string, PendingResident>();
  for (const page of pages) for (const r of page.pendingResidents.nodes) byId.set(r.id, r);
  const residents = [...byId.values()].sort((a, b) =>
    String(a.registeredAt ?? '').localeCompare(String(b.registeredAt ?? '')),
  );
  // Several units may overlap (a secretary who is also a grid worker): the largest count is a lower bound.
  const totalCount =
    units.length === 1
      ? (pages[0]?.pendingResidents.totalCount ?? residents.length)
      : Math.max(residents.length, ...pages.map((p) => p.pendingResidents.totalCount));
  return { verifies: true, residents, totalCount };
}

const KEY = ['gql', 'pendingResidents'];

export function usePendingResidents() {
  const { identity, isPending } = useGetIdentity();
  const roles = (identity?.roles as { role: string }[] | undefined) ?? [];
  const enabled = roles.some((r) => VERIFIER_ROLES.has(r.role));
  const query = useQuery({ queryKey: KEY, queryFn: loadPending, enabled, refetchInterval: 60_000 });
  /** Known not to verify anyone (the identity is loaded and has no verifier role, or the server said so). */
  const notVerifier = (!isPending && !enabled) || query.data?.verifies === false;
  return { ...query, notVerifier };
}

/** Takes a decided resident off the list (and the badge) at once; the next refetch confirms. */
export function useRemovePending() {
  const client = useQueryClient();
  return useCallback(
    (personId: string) => {
      client.setQueryData<PendingState>(KEY, (old) =>
        old
          ? {
              ...old,
              residents: old.residents.filter((r) => r.id !== personId),
              totalCount: Math.max(0, old.totalCount - 1),
            }
          : old,
      );
      void client.invalidateQueries({ queryKey: KEY });
    },
    [client],
  );
}

export function useRefetchPending() {
  const client = useQueryClient();
  return useCallback(() => void client.invalidateQueries({ queryKey: KEY }), [client]);
}
