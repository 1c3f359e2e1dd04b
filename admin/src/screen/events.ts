/**
 * The board's list of latest status changes. Events come from two places — the initial
 * `recentWishEvents` and the `wishEvents` subscription, whose replay after a reconnect may repeat what the
 * board already has — so they are merged by `sequence`, which grows across all wishes.
 */

export interface NamedUnit {
  name: string;
  nameZh: string;
}

/** Only what a public board may show: no people, no descriptions, no notes. */
export interface BoardEvent {
  sequence: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  at: string;
  wish: {
    title: string;
    status: string;
    category: NamedUnit;
    compound: NamedUnit;
  };
}

/** How many rows the board shows. */
export const FEED_LENGTH = 12;

/**
 * Newest first, each sequence once (the copy already on the board is kept, so its row does not
 * re-animate), at most `limit` rows.
 */
export function mergeEvents(current: readonly BoardEvent[], incoming: readonly BoardEvent[], limit = FEED_LENGTH) {
  const bySequence = new Map<number, BoardEvent>();
  for (const event of current) bySequence.set(event.sequence, event);
  for (const event of incoming) if (!bySequence.has(event.sequence)) bySequence.set(event.sequence, event);
  return [...bySequence.values()].sort((a, b) => b.sequence - a.sequence).slice(0, limit);
}

/** The highest sequence among `events`, or `floor` when none is higher: what to resume after. */
export function highestSequence(events: readonly BoardEvent[], floor = 0): number {
  return events.reduce((max, event) => Math.max(max, event.sequence), floor);
}
