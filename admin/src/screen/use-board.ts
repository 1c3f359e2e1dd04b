/**
 * The board's state: figures read over HTTP, the latest events from `recentWishEvents` then the live
 * stream. Figures are re-read after events (debounced), after a reconnect, every few minutes and when the
 * street's day rolls over, so a board left on for a week stays right without a person.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { graphqlWsUrl } from '../data/graphql-endpoint.ts';
import { ApiError, isAuthError, request } from '../data/graphql-fetch.ts';
import { type AccountRole, boardUnit, chainIds, type PeriodStats, type UnitChainNode } from './counts.ts';
import { type BoardEvent, FEED_LENGTH, highestSequence, mergeEvents, type NamedUnit } from './events.ts';
import { type LinkState, retryDelayMs, startLive } from './live.ts';
import { boardPeriods, periodVariables } from './period.ts';
import { BOARD, MY_UNITS, RECENT_EVENTS, UNIT_CHAIN } from './queries.ts';

export interface BoardTheme {
  month: number;
  title: string;
  brand: NamedUnit | null;
}

export interface BoardActivity {
  id: string;
  title: string;
  startsAt: string;
  place: string;
  capacity: number;
  signedUpCount: number;
  organizer: NamedUnit;
}

export interface BoardFigures {
  unit: NamedUnit | null;
  today: PeriodStats;
  week: PeriodStats;
  month: PeriodStats;
  /** 1–12, the street month the figures were read in */
  monthNumber: number;
  themes: BoardTheme[];
  activities: BoardActivity[];
}

interface BoardResponse {
  orgUnit: NamedUnit | null;
  today: PeriodStats;
  week: PeriodStats;
  month: PeriodStats;
  monthlyThemes: BoardTheme[];
  activities: { edges: { node: BoardActivity }[] };
}

export type BoardProblem = 'noUnit' | 'forbidden' | 'loadError';

const REFRESH_EVERY_MS = 5 * 60_000;
const RETRY_FAILED_AFTER_MS = 20_000;
const EVENT_DEBOUNCE_MS = 1_500;
const TICK_MS = 20_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const isRefusal = (error: unknown) =>
  error instanceof ApiError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND');

interface AccountData {
  me: { roles: AccountRole[] };
}

/** The unit to show (or why none): the address's, if the account may show it, or the account's own. */
async function resolveUnit(token: string, addressUnit: string | null) {
  const { me } = await request<AccountData>(MY_UNITS, {}, token);
  let chain: string[] | null = null;
  if (addressUnit !== null) {
    const data = await request<{ orgUnit: UnitChainNode }>(UNIT_CHAIN, { unit: addressUnit }, token);
    chain = chainIds(data.orgUnit);
  }
  return boardUnit(me.roles, addressUnit, chain);
}

export function useBoard(token: string, unitFromAddress: string | null, signOut: () => void) {
  const [unitId, setUnitId] = useState<string | null>(null);
  const [figures, setFigures] = useState<BoardFigures | null>(null);
  const [events, setEvents] = useState<BoardEvent[]>([]);
  /** Events above this sequence arrived live (they are highlighted as they come in). */
  const [liveAfter, setLiveAfter] = useState<number>(Number.POSITIVE_INFINITY);
  const [link, setLink] = useState<LinkState>('connecting');
  const [problem, setProblem] = useState<BoardProblem | null>(null);
  const [now, setNow] = useState(() => new Date());

  const signOutRef = useRef(signOut);
  signOutRef.current = signOut;
  const latestRequest = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const debounceTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Which unit: the address's (when the account may show it) or the account's own.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      for (let attempt = 0; !cancelled; attempt++) {
        try {
          const resolved = await resolveUnit(token, unitFromAddress);
          if (cancelled) return;
          if ('unitId' in resolved) setUnitId(resolved.unitId);
          else setProblem(resolved.problem);
          return;
        } catch (error) {
          if (cancelled) return;
          if (isAuthError(error)) return signOutRef.current();
          await sleep(retryDelayMs(attempt));
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [token, unitFromAddress]);

  const refresh = useCallback(async () => {
    if (unitId === null) return;
    clearTimeout(retryTimer.current);
    const id = ++latestRequest.current;
    const periods = boardPeriods(new Date());
    const today = periodVariables(periods.today);
    const week = periodVariables(periods.week);
    const month = periodVariables(periods.monthPeriod);
    try {
      const data = await request<BoardResponse>(
        BOARD,
        {
          unit: unitId,
          todayFrom: today.from,
          todayTo: today.to,
          weekFrom: week.from,
          weekTo: week.to,
          monthFrom: month.from,
          monthTo: month.to,
          year: periods.year,
        },
        token,
      );
      if (id !== latestRequest.current) return;
      setFigures({
        unit: data.orgUnit,
        today: data.today,
        week: data.week,
        month: data.month,
        monthNumber: periods.month,
        themes: data.monthlyThemes,
        activities: data.activities.edges.map((edge) => edge.node),
      });
      setProblem(null);
    } catch (error) {
      if (id !== latestRequest.current) return;
      if (isAuthError(error)) return signOutRef.current();
      setProblem(isRefusal(error) ? 'forbidden' : 'loadError');
      retryTimer.current = setTimeout(() => void refreshRef.current(), RETRY_FAILED_AFTER_MS);
    }
  }, [token, unitId]);
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  // Figures now, every few minutes, and when the street's day changes (checked on the clock's tick).
  useEffect(() => {
    void refresh();
    const every = setInterval(() => void refreshRef.current(), REFRESH_EVERY_MS);
    let day = boardPeriods(new Date()).dayKey;
    const tick = setInterval(() => {
      const current = new Date();
      setNow(current);
      const today = boardPeriods(current).dayKey;
      if (today !== day) {
        day = today;
        void refreshRef.current();
      }
    }, TICK_MS);
    return () => {
      clearInterval(every);
      clearInterval(tick);
      clearTimeout(retryTimer.current);
      clearTimeout(debounceTimer.current);
    };
  }, [refresh]);

  // The latest events, then the live stream from the highest one on.
  useEffect(() => {
    if (unitId === null) return;
    let cancelled = false;
    let stop: (() => void) | null = null;
    (async () => {
      let recent: BoardEvent[] | null = null;
      for (let attempt = 0; recent === null; attempt++) {
        try {
          const data = await request<{ recentWishEvents: BoardEvent[] }>(
            RECENT_EVENTS,
            { unit: unitId, last: FEED_LENGTH },
            token,
          );
          recent = data.recentWishEvents;
        } catch (error) {
          if (cancelled) return;
          if (isAuthError(error)) return signOutRef.current();
          await sleep(retryDelayMs(attempt));
        }
        if (cancelled) return;
      }
      const initial = recent;
      const resumeAfter = highestSequence(initial);
      setEvents((current) => mergeEvents(current, initial));
      setLiveAfter(resumeAfter);
      stop = startLive({
        url: graphqlWsUrl(window.location),
        token,
        unitId,
        afterSequence: resumeAfter,
        onEvent: (event) => {
          setEvents((current) => mergeEvents(current, [event]));
          clearTimeout(debounceTimer.current);
          debounceTimer.current = setTimeout(() => void refreshRef.current(), EVENT_DEBOUNCE_MS);
        },
        onState: setLink,
        onReconnected: () => void refreshRef.current(),
        onAuthRefused: () => signOutRef.current(),
      });
    })();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [token, unitId]);

  return { figures, events, liveAfter, link, problem, now };
}
