/**
 * The generated wishes around the scripted ones: random compounds, categories, channels and texts from
 * wish-texts.ts, with detours (escalation, decline, abandon, reopen) now and then, until every final state
 * has its target count.
 */
import type { WishAction, WishChannel, WishStatus } from '../../server/src/domain/wishes/wish.lifecycle.ts';
import type { CategoryCode, CategoryFacts } from '../xiguan-street.ts';
import { HISTORY_DAYS, type HistoryWriter } from './history.ts';
import type { Rng } from './rng.ts';
import type { Step, WishSpec } from './wish-spec.ts';
import { MEETING_DECISIONS, WISH_TEMPLATES, type WishTemplate } from './wish-texts.ts';
import type { CategoryRow, CompoundWorld, PersonDraft, World } from './world.ts';

/** How many wishes end in each state (320 in all); the scripted ones count towards these. */
export const STATUS_TARGETS: Readonly<Record<WishStatus, number>> = {
  SUBMITTED: 26,
  OPEN_FOR_CLAIM: 12,
  DISPATCHED: 16,
  ACCEPTED: 20,
  RESOLVED: 20,
  CLOSED: 196,
  REJECTED: 14,
  CANCELLED: 16,
};

/** Window of the last event, in days before `now` ([at most, at least]), by final state. */
const LAST_EVENT_WINDOWS: Readonly<Record<WishStatus, readonly [number, number]>> = {
  SUBMITTED: [6, 0.02],
  OPEN_FOR_CLAIM: [8, 0.02],
  DISPATCHED: [6, 0.02],
  ACCEPTED: [15, 0.02],
  // Must stay younger than AUTO_CLOSE_DAYS, or the server's sweep would close them at once.
  RESOLVED: [5, 0.02],
  CLOSED: [HISTORY_DAYS, 0.5],
  REJECTED: [HISTORY_DAYS, 0.5],
  CANCELLED: [HISTORY_DAYS, 0.5],
};

const CATEGORY_WEIGHTS: Readonly<Record<CategoryCode, number>> = {
  parking: 14,
  greenery: 12,
  repairs: 20,
  street_lamps: 10,
  sanitation: 16,
  safety: 7,
  property_disputes: 8,
  elderly_care: 8,
  other: 5,
};

const CHANNEL_WEIGHTS: readonly (readonly [WishChannel, number])[] = [
  ['APP', 60],
  ['GRID_VISIT', 22],
  ['HOTLINE', 8],
  ['WALK_IN', 10],
];

/** Chance that a generated wish is escalated one level, by its category's default handling level. */
const ESCALATION_CHANCE: Readonly<Record<CategoryFacts['defaultLevel'], number>> = {
  COMPOUND: 0.06,
  COMMUNITY: 0.35,
  STREET: 0.55,
};

const MAX_GENERATED_MEETINGS = 5;

export class RandomWishes {
  private generatedMeetings = 0;

  constructor(
    private readonly rng: Rng,
    private readonly world: World,
    private readonly writer: HistoryWriter,
  ) {}

  /** A random wish that ends in `target`, with detours (escalation, decline, abandon, reopen) now and then. */
  spec(target: WishStatus): WishSpec {
    const { rng, world } = this;
    let compound: CompoundWorld;
    let category: CategoryRow;
    let template: WishTemplate;
    let fill: (text: string) => string;
    do {
      compound = rng.weighted(world.compounds, (c) => c.unit.population ?? 1);
      category = rng.weighted(world.categories, (c) => CATEGORY_WEIGHTS[c.code]);
      template = rng.pick(WISH_TEMPLATES[category.code]);
      const [name, building, entrance] = [compound.unit.nameZh, `${rng.int(1, 16)}号楼`, `${rng.int(1, 4)}单元`];
      fill = (text) =>
        text.replaceAll('{compound}', name).replaceAll('{building}', building).replaceAll('{unit}', entrance);
    } while (this.writer.hasTitle(compound, fill(template.title)));

    let channel = rng.weighted(CHANNEL_WEIGHTS, ([, weight]) => weight)[0];
    const resident = channel === 'HOTLINE' ? null : rng.pick(compound.residents);
    if (channel === 'APP' && resident?.phone === null) channel = 'GRID_VISIT';
    // Grid workers record visits and hotline calls; the general grid's worker staffs the service hall.
    const listedBy =
      channel === 'APP'
        ? (resident as PersonDraft)
        : channel === 'WALK_IN'
          ? compound.community.gridWorker
          : compound.gridWorker;

    let steps = this.steps(target, category);
    if (resident === null) {
      // Nobody can evaluate a wish listed with no resident: no reopening detour, and its handler closes it unrated.
      const reopen = steps.findIndex((x) => x.action === 'REOPEN');
      if (reopen >= 3) steps = [...steps.slice(0, reopen - 3), ...steps.slice(reopen + 1)];
      steps = steps.map((x) => (x.action === 'EVALUATE' ? { ...x, action: 'CLOSE_UNEVALUATED' } : x));
    }
    const resolve = steps.at(-1)?.action === 'EVALUATE' ? steps.at(-2) : undefined;
    if (
      resolve?.action === 'RESOLVE' &&
      this.generatedMeetings < MAX_GENERATED_MEETINGS &&
      steps.some((s) => s.action === 'ESCALATE') &&
      MEETING_DECISIONS[category.code] &&
      rng.chance(0.5)
    ) {
      this.generatedMeetings += 1;
      resolve.meetings = [{}];
    }
    return {
      title: fill(template.title),
      description: fill(template.description),
      category: category.code,
      compound,
      channel,
      resident,
      listedBy,
      resolveNote: fill(template.resolveNote),
      steps,
      lastEventDaysAgo: LAST_EVENT_WINDOWS[target],
    };
  }

  private steps(target: WishStatus, category: CategoryRow): Step[] {
    const { rng } = this;
    const s = (...actions: WishAction[]): Step[] => actions.map((action) => ({ action }));
    const steps: Step[] = [];
    // Detours: each leaves the wish SUBMITTED again.
    let escalations = rng.chance(ESCALATION_CHANCE[category.defaultLevel]) ? 1 : 0;
    if (escalations === 1 && category.defaultLevel === 'STREET' && rng.chance(0.5)) escalations = 2;
    for (let i = 0; i < escalations; i++) {
      steps.push(
        ...rng.weighted([s('ESCALATE'), s('DISPATCH', 'ESCALATE'), s('DISPATCH', 'ACCEPT', 'ESCALATE')], (d) =>
          d.length === 1 ? 6 : d.length === 2 ? 2 : 1,
        ),
      );
    }
    if (rng.chance(0.06)) steps.push(...s('DISPATCH', 'DECLINE'));
    if (rng.chance(0.05)) {
      steps.push(...(rng.chance(0.5) ? s('OPEN_FOR_CLAIM', 'CLAIM', 'ABANDON') : s('DISPATCH', 'ACCEPT', 'ABANDON')));
    }
    if (rng.chance(0.07)) steps.push(...s('DISPATCH', 'ACCEPT', 'RESOLVE', 'REOPEN'));

    const work = () => (rng.chance(0.3) ? s('OPEN_FOR_CLAIM', 'CLAIM') : s('DISPATCH', 'ACCEPT'));
    switch (target) {
      case 'SUBMITTED':
        break;
      case 'OPEN_FOR_CLAIM':
        steps.push(...s('OPEN_FOR_CLAIM'));
        break;
      case 'DISPATCHED':
        steps.push(...(rng.chance(0.15) ? s('OPEN_FOR_CLAIM', 'DISPATCH') : s('DISPATCH')));
        break;
      case 'ACCEPTED':
        steps.push(...work());
        break;
      case 'RESOLVED':
        steps.push(...work(), ...s('RESOLVE'));
        break;
      case 'CLOSED':
        steps.push(...work(), ...s('RESOLVE', rng.chance(0.12) ? 'AUTO_CLOSE' : 'EVALUATE'));
        break;
      case 'REJECTED':
        steps.push(...s('REJECT'));
        break;
      case 'CANCELLED':
        steps.push(...rng.pick([s('CANCEL'), s('OPEN_FOR_CLAIM', 'CANCEL'), s('DISPATCH', 'CANCEL')]));
        break;
    }
    return steps;
  }
}
