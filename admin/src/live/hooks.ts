import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useRefresh } from 'react-admin';
import { type LiveStatus, type LiveWishEvent, live } from './live-client.ts';

export function useLiveStatus(): LiveStatus {
  useEffect(() => live.ensure(), []);
  return useSyncExternalStore(
    (onChange) => live.onStatus(onChange),
    () => live.status,
  );
}

/**
 * Re-reads the page's data when a wish event arrives (debounced) and after a reconnect, so lists and
 * pages follow the street without a manual refresh.
 */
export function useLiveRefresh(filter: (event: LiveWishEvent) => boolean = () => true): void {
  const refresh = useRefresh();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const accept = useRef(filter);
  accept.current = filter;
  useEffect(() => {
    live.ensure();
    const schedule = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => refresh(), 250);
    };
    const offEvent = live.onWishEvent((event) => {
      if (accept.current(event)) schedule();
    });
    const offResync = live.onResync(schedule);
    return () => {
      offEvent();
      offResync();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [refresh]);
}
