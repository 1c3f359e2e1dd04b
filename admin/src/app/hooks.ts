/** The app's small React helpers: reads that follow live changes, actions with their pending and failed states, drafts kept on the device. */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { AppMeQuery } from '../gql/graphql.ts';
import { call, errorCode } from './api.ts';
import { appLive } from './live.ts';
import type { Locale, Translate } from './texts.ts';

export type Me = AppMeQuery['me'];

export interface AppContextValue {
  t: Translate;
  locale: Locale;
  me: Me;
  isResident: boolean;
  isMember: boolean;
  isStaff: boolean;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('useApp outside the app');
  return value;
}

export interface Read<T> {
  data: T | null;
  failed: boolean;
  reload: () => void;
}

/**
 * A query, read again after a reconnect and — with `live` — after each wish event the person may see
 * (statuses change under their eyes). A failed re-read keeps what was shown.
 */
export function useRead<T, V extends Record<string, unknown>>(
  document: TypedDocumentNode<T, V>,
  variables: V,
  live: boolean | ((event: { wish: { id: string } }) => boolean) = false,
): Read<T> {
  const [data, setData] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify(variables);
  const latest = useRef(0);
  const vars = useRef(variables);
  vars.current = variables;
  const reload = useCallback(() => {
    const ticket = ++latest.current;
    call(document, vars.current).then(
      (result) => {
        if (ticket !== latest.current) return;
        setData(result);
        setFailed(false);
      },
      () => {
        if (ticket === latest.current) setFailed(true);
      },
    );
  }, [document]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again when the variables change
  useEffect(() => reload(), [reload, key]);
  useEffect(() => appLive.onResync(reload), [reload]);
  // Back online: read again (a first connection that never came up is no "reconnect").
  useEffect(() => {
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [reload]);
  const liveRef = useRef(live);
  liveRef.current = live;
  useEffect(
    () =>
      appLive.onWishEvent((event) => {
        const wants = liveRef.current;
        if (wants === true || (typeof wants === 'function' && wants(event))) reload();
      }),
    [reload],
  );
  return { data, failed, reload };
}

export type ActionState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'failed'; code: string; message: string };

/** An action's pending and failed states; `run` resolves to the result, or null when it failed. */
export function useAction(): {
  state: ActionState;
  run: <R>(work: () => Promise<R>) => Promise<R | null>;
  reset: () => void;
} {
  const [state, setState] = useState<ActionState>({ kind: 'idle' });
  const run = useCallback(async <R>(work: () => Promise<R>): Promise<R | null> => {
    setState({ kind: 'pending' });
    try {
      const result = await work();
      setState({ kind: 'idle' });
      return result;
    } catch (error) {
      setState({
        kind: 'failed',
        code: errorCode(error),
        message: error instanceof Error ? error.message : String(error),
      });
      return null;
    }
  }, []);
  const reset = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, run, reset };
}

/** A form's content kept in localStorage as it is typed: nothing is lost when sending fails or the page reloads. */
export function useDraft<T extends object>(key: string, empty: T): [T, (patch: Partial<T>) => void, () => void] {
  const storageKey = `wishgrid.app.draft.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = localStorage.getItem(storageKey);
      return stored ? { ...empty, ...(JSON.parse(stored) as Partial<T>) } : empty;
    } catch {
      return empty;
    }
  });
  const update = useCallback(
    (patch: Partial<T>) =>
      setValue((previous) => {
        const next = { ...previous, ...patch };
        localStorage.setItem(storageKey, JSON.stringify(next));
        return next;
      }),
    [storageKey],
  );
  const clear = useCallback(() => {
    localStorage.removeItem(storageKey);
    setValue(empty);
  }, [storageKey, empty]);
  return [value, update, clear];
}

const readRoute = (): string[] =>
  window.location.hash
    .replace(/^#\/?/, '')
    .split('?')[0]
    ?.split('/')
    .filter((part) => part !== '') ?? [];

/** The hash route: `#/wish/<id>` → ['wish', '<id>']. */
export function useRoute(): string[] {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const onChange = () => setRoute(readRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const go = (path: string): void => {
  window.location.hash = `#/${path}`;
};
