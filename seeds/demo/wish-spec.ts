/**
 * The script of one wish: who submits it, through which channel, and the transitions it goes through. The
 * history writer walks it; whatever a step leaves out (actor, assignees, note, timing) it chooses itself.
 */
import type { WishAction, WishChannel } from '../../server/src/domain/wishes/wish.lifecycle.ts';
import type { CategoryCode } from '../xiguan-street.ts';
import type { CompoundWorld, PersonDraft } from './world.ts';

export interface MeetingSpec {
  place?: string;
  participants?: string;
  decisions?: string;
  /** Minutes after the previous event or meeting. */
  after?: readonly [number, number];
}

/** One transition to apply; whatever is left out is chosen by the walker. */
export interface Step {
  action: WishAction;
  actor?: PersonDraft;
  assignees?: readonly PersonDraft[];
  supervisor?: PersonDraft | null;
  rating?: number;
  note?: string;
  /** Minutes after the previous event (then moved into daytime). */
  after?: readonly [number, number];
  /** Coordination meetings held before this step. */
  meetings?: readonly MeetingSpec[];
}

export interface WishSpec {
  title: string;
  description: string;
  category: CategoryCode;
  compound: CompoundWorld;
  channel: WishChannel;
  resident: PersonDraft | null;
  listedBy: PersonDraft;
  resolveNote: string;
  steps: readonly Step[];
  /** The last event falls this many days before `now`: [at most, at least]; at least one day wide. */
  lastEventDaysAgo: readonly [number, number];
}
